using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Portal;

/// <summary>Helpers for driving the applicant portal through its forms, as a browser would.</summary>
public static partial class PortalKit
{
    public static byte[] Pdf(string text = "material") => Encoding.ASCII.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n");

    /// <summary>A real .docx-shaped file: a zip with Word's content types entry.</summary>
    public static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open());
            w.Write("<Types/>");
        }
        return buffer.ToArray();
    }

    /// <summary>A Windows executable's header (MZ) under a .pdf name.</summary>
    public static byte[] RenamedExe() => [.. "MZ"u8, .. new byte[200]];

    public static async Task<HttpClient> SignedInAsync(AppFactory app, string user)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync(user, IdentitySeeder.DemoPassword);
        return client;
    }

    /// <summary>Starts a draft for the item; returns the task list address.</summary>
    public static async Task<string> StartDraftAsync(HttpClient client, string itemCode)
    {
        var response = await client.PostFormAsync($"/Apply/{itemCode}", new Dictionary<string, string>());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.OriginalString;
        Assert.That(location, Does.Match(@"^/My/Drafts/[0-9a-f-]{36}$"));
        return location;
    }

    public static async Task<HttpResponseMessage> PostMultipartAsync(HttpClient client, string url, IDictionary<string, string> fields, IEnumerable<(string Field, string FileName, byte[] Content)> files)
    {
        var page = await client.GetStringAsync(url);
        var token = Token().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {url}");
        var form = new MultipartFormDataContent { { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields) form.Add(new StringContent(v), k);
        foreach (var (field, name, content) in files) form.Add(new ByteArrayContent(content), field, name);
        return await client.PostAsync(url, form);
    }

    /// <summary>Fills the applicant and project sections with valid answers.</summary>
    public static async Task FillDetailsAsync(HttpClient client, string draft)
    {
        var r = await client.PostFormAsync(draft + "/Applicant", new Dictionary<string, string>
        {
            ["Input.Contact"] = "王经办", ["Input.Phone"] = "13800138000", ["Input.Address"] = "清远市清城区高新区创兴大道18号",
        });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        r = await client.PostFormAsync(draft + "/Project", new Dictionary<string, string>
        {
            ["Input.Name"] = "清远高新区示例厂房项目", ["Input.Location"] = "清远高新区创兴大道18号", ["Input.Description"] = "新建厂房两栋，建筑面积 12000 平方米。",
        });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    /// <summary>Uploads a PDF for each of the first <paramref name="count"/> materials.</summary>
    public static async Task UploadAsync(HttpClient client, string draft, int count)
    {
        var files = Enumerable.Range(0, count).Select(i => ($"file-{i}", $"材料{i + 1}.pdf", Pdf($"m{i}"))).ToList();
        var r = await PostMultipartAsync(client, draft + "/Materials", new Dictionary<string, string>(), files);
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
    }

    public static async Task ChooseAndSignAsync(HttpClient client, string draft, string mode)
    {
        var r = await client.PostFormAsync(draft + "/Mode", new Dictionary<string, string> { ["Input.Mode"] = mode });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
        r = await client.PostFormAsync(draft + "/Declaration", new Dictionary<string, string> { ["Input.Agree"] = "true" });
        Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await r.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
