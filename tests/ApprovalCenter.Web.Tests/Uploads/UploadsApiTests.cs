using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Uploads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Uploads;

public sealed class UploadsApiTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private async Task<HttpClient> SignedInAsync(string user)
    {
        var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync(user, IdentitySeeder.DemoPassword);
        return client;
    }

    /// <summary>Asserts a 400 ProblemDetails whose errors.file holds exactly this message.</summary>
    private static async Task<string> AssertRejectedAsync(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(400));
        return doc.RootElement.GetProperty("errors").GetProperty("file")[0].GetString()!;
    }

    [Test]
    public async Task An_upload_is_stored_with_its_sha256_and_reads_back_equal()
    {
        using var client = await SignedInAsync("company");
        var content = UploadClient.Pdf(50_000);
        Random.Shared.NextBytes(content.AsSpan(100, content.Length - 200));   // between the header and the trailer
        var response = await client.UploadAsync("营业执照.pdf", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var uploaded = (await response.Content.ReadFromJsonAsync<UploadedFileResponse>())!;
        var expectedHash = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.That(uploaded.FileName, Is.EqualTo("营业执照.pdf"));
        Assert.That(uploaded.ContentType, Is.EqualTo("application/pdf"));
        Assert.That(uploaded.Size, Is.EqualTo(content.Length));
        Assert.That(uploaded.Sha256, Is.EqualTo(expectedHash));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo($"/api/v1/files/{uploaded.Id}"));

        using (var scope = _app.Services.CreateScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredFile>().AsNoTracking().SingleAsync(f => f.Id == uploaded.Id);
            Assert.That(row.Sha256, Is.EqualTo(expectedHash));
            Assert.That(row.Content, Is.EqualTo(content));
            Assert.That(row.UploadedBy, Is.Not.Empty);
        }

        var download = await client.GetAsync($"/api/v1/files/{uploaded.Id}");
        Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(download.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/pdf"));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(content));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())), Is.EqualTo(expectedHash));

        using var clerk = await SignedInAsync("clerk");
        // Staff read a material through a case they may open (journaled there); an upload on no case is its uploader's alone.
        Assert.That((await clerk.GetAsync($"/api/v1/files/{uploaded.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_type_comes_from_the_content_not_the_name()
    {
        using var client = await SignedInAsync("company");
        var photo = await client.UploadAsync("营业执照.pdf", UploadClient.Png);
        Assert.That(photo.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await photo.Content.ReadFromJsonAsync<UploadedFileResponse>())!.ContentType, Is.EqualTo("image/png"));

        var exe = await client.UploadAsync("营业执照.pdf", UploadClient.Exe);
        Assert.That(await AssertRejectedAsync(exe), Is.EqualTo("文件“营业执照.pdf”的类型不受支持：仅接受 PDF、JPEG、PNG、OFD 文件（按文件内容识别）。"));
    }

    [Test]
    public async Task A_wrong_type_is_rejected_naming_the_file_and_nothing_is_stored()
    {
        using var client = await SignedInAsync("citizen");
        int before;
        using (var scope = _app.Services.CreateScope())
            before = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredFile>().CountAsync();
        var message = await AssertRejectedAsync(await client.UploadAsync("营业执照.docx", "PK\u0003\u0004 not really a document"u8.ToArray()));
        Assert.That(message, Is.EqualTo("文件“营业执照.docx”的类型不受支持：仅接受 PDF、JPEG、PNG、OFD 文件（按文件内容识别）。"));
        using (var scope = _app.Services.CreateScope())
            Assert.That(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<StoredFile>().CountAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_over_size_file_is_rejected_with_the_clear_message()
    {
        using var client = await SignedInAsync("citizen");
        var message = await AssertRejectedAsync(await client.UploadAsync("x.pdf", UploadClient.Pdf((int)(23.4 * 1024 * 1024))));
        Assert.That(message, Is.EqualTo("文件“x.pdf”超过大小上限 20 MB（实际 23.4 MB）。"));
    }

    [Test]
    public async Task Empty_and_missing_files_are_rejected()
    {
        using var client = await SignedInAsync("citizen");
        Assert.That(await AssertRejectedAsync(await client.UploadAsync("空白.pdf", [])), Is.EqualTo("文件“空白.pdf”是空文件（0 字节），请重新选择。"));

        using var empty = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/files") { Content = empty };
        request.Headers.Add("X-CSRF-TOKEN", await client.AntiforgeryTokenAsync());
        Assert.That(await AssertRejectedAsync(await client.SendAsync(request)), Does.Contain("表单字段 file"));
    }

    [Test]
    public async Task Another_applicant_gets_403_and_an_anonymous_caller_401()
    {
        using var owner = await SignedInAsync("company");
        var uploaded = (await (await owner.UploadAsync("承诺书.pdf", UploadClient.Pdf())).Content.ReadFromJsonAsync<UploadedFileResponse>())!;

        using var other = await SignedInAsync("citizen");
        var denied = await other.GetAsync($"/api/v1/files/{uploaded.Id}");
        Assert.That(denied.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(denied.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await denied.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(403));

        using var anonymous = _app.CreateBrowserLikeClient();
        Assert.That((await anonymous.GetAsync($"/api/v1/files/{uploaded.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await owner.GetAsync($"/api/v1/files/{Guid.NewGuid()}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        using var client = await SignedInAsync("company");
        var response = await client.UploadAsync("申请书.pdf", UploadClient.Pdf(), withToken: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("请求校验失败"));
    }

    [Test]
    public async Task A_file_whose_bytes_changed_in_storage_is_not_served()
    {
        using var client = await SignedInAsync("company");
        var uploaded = (await (await client.UploadAsync("申请书.pdf", UploadClient.Pdf(1000))).Content.ReadFromJsonAsync<UploadedFileResponse>())!;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tampered = UploadClient.Pdf(1000);
        tampered[500] = 1;
        await db.Set<StoredFile>().Where(f => f.Id == uploaded.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Content, tampered));

        var store = scope.ServiceProvider.GetRequiredService<FileStore>();
        Assert.That(async () => await store.GetAsync(uploaded.Id), Throws.TypeOf<StoredFileCorruptedException>());
        var response = await client.GetAsync($"/api/v1/files/{uploaded.Id}");
        Assert.That((int)response.StatusCode, Is.EqualTo(500));
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.Not.EqualTo(tampered));
    }
}

/// <summary>On the real server (Kestrel, whose default body limit is about 28.6 MB): a file just over
/// a 30 MB policy limit must still reach the policy and get its message, not a bare 413.</summary>
public sealed class UploadLimitOnKestrelTests
{
    [Test]
    public async Task A_file_slightly_over_a_limit_above_kestrels_default_gets_the_clear_message()
    {
        await using var app = new AppFactory().With("ApprovalCenter:Uploads:MaxBytes", (30 * 1024 * 1024).ToString());
        var port = FreePort.Next();
        app.UseKestrel(port);
        app.StartServer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2) };
        await client.SignInAsync("citizen", IdentitySeeder.DemoPassword);

        var response = await client.UploadAsync("竣工图纸.pdf", UploadClient.Pdf((int)(31.5 * 1024 * 1024)));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("errors").GetProperty("file")[0].GetString(),
            Is.EqualTo("文件“竣工图纸.pdf”超过大小上限 30 MB（实际 31.5 MB）。"));

        var accepted = await client.UploadAsync("竣工图纸.pdf", UploadClient.Pdf(29 * 1024 * 1024));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created), "29 MB is over Kestrel's default but within our limit");
    }
}
