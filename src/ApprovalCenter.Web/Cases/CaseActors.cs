using System.Security.Claims;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Web.Cases;

/// <summary>The acting user as the case handler sees it, built here and nowhere else: pages and
/// the API journal the same id, name, role, department and client address.</summary>
public static class CaseActors
{
    public const string DisplayNameClaim = "approvalcenter:display_name";

    /// <summary>Null when the user is not signed in or holds none of the system's roles.</summary>
    public static CaseActor? From(HttpContext http)
    {
        var user = http.User;
        var id = UserId(user);
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        if (role is null || id.Length == 0) return null;
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? id;
        return new CaseActor(id, name, role, user.FindFirstValue(Roles.DepartmentClaim), http.Connection.RemoteIpAddress?.ToString());
    }

    /// <summary>For pages behind a role policy, where a missing role cannot happen.</summary>
    public static CaseActor Require(HttpContext http) => From(http) ?? throw CaseException.Forbidden("您的账号没有可办理办件的角色。");

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public static string DisplayName(ClaimsPrincipal user) => user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "";
}
