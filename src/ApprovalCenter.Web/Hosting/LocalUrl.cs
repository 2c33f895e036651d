namespace ApprovalCenter.Web.Hosting;

/// <summary>Whether a return address stays on this site. The rule of Url.IsLocalUrl, usable
/// outside a page: an absolute path without a host. “//evil” and “/\evil” are refused, because
/// browsers read both as another host.</summary>
public static class LocalUrl
{
    public static bool Is(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length == 1) return true;
        if (url[1] is '/' or '\\') return false;
        return !url.Any(char.IsControl);
    }

    /// <summary>The address when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => Is(url) ? url! : "/";
}
