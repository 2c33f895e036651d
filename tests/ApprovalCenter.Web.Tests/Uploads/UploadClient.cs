using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace ApprovalCenter.Web.Tests.Uploads;

/// <summary>Uploads the way our pages' script will: multipart field “file” plus the antiforgery
/// token (taken from a signed-in page) in the X-CSRF-TOKEN header.</summary>
public static partial class UploadClient
{
    /// <summary>A PDF of the given size: header, padding, then the trailer a reader looks for at the end.</summary>
    public static byte[] Pdf(int size = 0)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
        var tail = Encoding.ASCII.GetBytes("trailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n");
        var bytes = new byte[Math.Max(size, head.Length + tail.Length)];
        head.CopyTo(bytes, 0);
        tail.CopyTo(bytes, bytes.Length - tail.Length);
        return bytes;
    }

    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client)
    {
        var page = await client.GetStringAsync("/Inbox");
        var token = TokenPattern().Match(page);
        if (!token.Success) throw new InvalidOperationException("No antiforgery token on /Inbox");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string fileName, byte[] content, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(content);
        // The browser's guess of the type is deliberately wrong: the server must not trust it.
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = form };
        if (withToken) request.Headers.Add("X-CSRF-TOKEN", await client.AntiforgeryTokenAsync());
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
