using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Catalog;

/// <summary>Each test gets its own app and database: saving changes the catalog everyone else reads.</summary>
public sealed class CatalogAdminTests
{
    private static async Task<HttpClient> AdminAsync(AppFactory app)
    {
        var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("admin", IdentitySeeder.DemoPassword);
        return client;
    }

    private static Dictionary<string, string> EditForm(string statutory, string promised, string note) => new()
    {
        ["Input.StatutoryDays"] = statutory, ["Input.PromisedDays"] = promised,
        ["Input.Tolerance"] = "true", ["Input.Commitment"] = "true", ["Input.Exemption"] = "true", ["Input.JointReview"] = "true",
        ["Input.CoreMaterials"] = "建筑工程施工许可证申请表\n用地批准手续（不动产权证或用地批准文件）\n建设工程规划许可证\n施工、监理中标通知书或合同\n施工图设计文件审查合格意见（联合审图）\n建设资金已落实承诺书",
        ["Input.TolerableMaterials"] = "工程质量安全监督手续（并联）\n农民工工资保证金缴存凭证\n施工现场具备施工条件承诺",
        ["Input.Fee"] = "不收费", ["Input.LegalBasis"] = "《建筑法》第七条、第八条", ["Input.Process"] = "standard", ["Input.Note"] = note,
    };

    private static string Revision(string html) => Regex.Match(html, "data-testid=\"revision\">第 (\\d+) 版").Groups[1].Value;

    [Test]
    public async Task Promised_over_statutory_is_refused_at_the_field_keeps_the_input_and_saves_nothing()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var before = Revision(await client.GetStringAsync("/Admin/Catalog"));
        var response = await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", EditForm("7", "9", "测试：超过法定时限"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("承诺时限不得超过法定时限"));
        Assert.That(html, Does.Contain("href=\"#Input_PromisedDays\""));
        Assert.That(Regex.Match(html, "<input[^>]*name=\"Input.PromisedDays\"[^>]*>").Value, Does.Contain("value=\"9\""));
        Assert.That(html, Does.Contain("value=\"测试：超过法定时限\""));
        Assert.That(Revision(await client.GetStringAsync("/Admin/Catalog")), Is.EqualTo(before));
        Assert.That(await client.GetStringAsync("/Guide/ZJ-001"), Does.Contain("data-testid=\"promised\">3 个工作日"));
    }

    [Test]
    public async Task Rules_1d_the_items_warning_verification_and_tolerance_settings_are_edited_with_field_errors_and_saved()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var badShare = new Dictionary<string, string>(EditForm("7", "3", "预警比例")) { ["Input.WarningUsedShare"] = "3/2" };
        var html = await (await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", badShare)).Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("data-testid=\"error-summary\"").And.Contain("href=\"#Input_WarningUsedShare\"").And.Contain("0 至 1 之间的分数"));
        var tooLong = new Dictionary<string, string>(EditForm("7", "3", "容缺期限")) { ["Input.ToleranceSupplementDays"] = "5" };
        html = await (await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", tooLong)).Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("href=\"#Input_ToleranceSupplementDays\"").And.Contain("容缺补齐期限应为 1 至承诺时限（3 个工作日）之间"));
        var notANumber = new Dictionary<string, string>(EditForm("7", "3", "核查期限")) { ["Input.VerificationDays"] = "三十" };
        Assert.That((await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", notANumber)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "a form error, never a 500");

        var valid = new Dictionary<string, string>(EditForm("7", "3", "本地核查期限"))
        {
            ["Input.WarningRemainingDays"] = "2", ["Input.WarningUsedShare"] = "1/2", ["Input.VerificationDays"] = "20", ["Input.ToleranceSupplementDays"] = "2",
        };
        Assert.That((await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", valid)).StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var catalogs = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CatalogProvider>(scope.ServiceProvider);
        Assert.That((await catalogs.GetAsync()).Catalog.Find("ZJ-001")!.Rules, Is.EqualTo(new ItemTimeRules(2, 1, 2, 20, 2)));
        Assert.That(await client.GetStringAsync("/Admin/Catalog/Edit/ZJ-001"), Does.Contain("value=\"1/2\""));
    }

    [Test]
    public async Task A_missing_reason_is_an_error_too()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var html = await (await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", EditForm("7", "2", ""))).Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("请填写修改原因"));
    }

    [Test]
    public async Task A_valid_edit_is_a_new_revision_with_who_and_why_and_the_guide_shows_the_new_limit()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var before = int.Parse(Revision(await client.GetStringAsync("/Admin/Catalog")));
        var response = await client.PostFormAsync("/Admin/Catalog/Edit/ZJ-001", EditForm("7", "2", "依据2026年优化营商环境方案"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var index = await client.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.That(Revision(index), Is.EqualTo((before + 1).ToString()));
        Assert.That(index, Does.Contain("data-testid=\"saved\""));
        var history = index.Split("data-testid=\"history\"")[1];
        Assert.That(history, Does.Contain("admin").And.Contain("ZJ-001：依据2026年优化营商环境方案"));
        var guide = await client.GetStringAsync("/Guide/ZJ-001");
        Assert.That(guide, Does.Contain("data-testid=\"promised\">2 个工作日").And.Contain("data-testid=\"compression\">71.4%"));
    }

    [Test]
    public async Task Csv_export_then_import_with_one_changed_limit_previews_one_change_then_saves()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var export = await client.GetAsync("/Admin/Catalog/Export");
        Assert.That(export.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/csv"));
        Assert.That(export.Content.Headers.ContentType.CharSet, Is.EqualTo("utf-8"));
        Assert.That(export.Content.Headers.ContentDisposition!.FileName?.Trim('"') ?? export.Content.Headers.ContentDisposition.FileNameStar,
            Does.Match(@"^catalog-\d{8}\.csv$"));
        var bytes = await export.Content.ReadAsByteArrayAsync();
        Assert.That(bytes.Take(3), Is.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }), "BOM for Excel");
        var csv = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.That(csv, Does.StartWith("code,department,name"));

        // Unchanged: nothing to import.
        var same = await UploadAsync(client, csv);
        Assert.That(same, Does.Contain("data-testid=\"no-change\""));

        var lines = csv.Split('\n');
        var row = Array.FindIndex(lines, l => l.StartsWith("ZJ-002,"));
        var cells = CatalogCsv.Parse(lines[row], out _)[0];
        Assert.That(cells[5], Is.EqualTo("2"));
        cells[5] = "1";
        lines[row] = string.Join(',', cells.Select(CatalogCsv.Quote));
        var edited = string.Join('\n', lines);
        var preview = await UploadAsync(client, edited);
        Assert.That(preview, Does.Contain("data-testid=\"changed\">1<").And.Contain("data-testid=\"added\">0<").And.Contain("data-testid=\"removed\">0<"));
        Assert.That(preview, Does.Contain("2 → 1"));

        var before = int.Parse(Revision(await client.GetStringAsync("/Admin/Catalog")));
        var save = await client.PostFormAsync("/Admin/Catalog/Import?handler=Save", new Dictionary<string, string> { ["Csv"] = edited, ["Note"] = "年度时限调整" });
        Assert.That(save.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var index = await client.GetStringAsync("/Admin/Catalog");
        Assert.That(Revision(index), Is.EqualTo((before + 1).ToString()));
        Assert.That(index, Does.Contain("CSV导入：年度时限调整"));
        Assert.That(await client.GetStringAsync("/Guide/ZJ-002"), Does.Contain("data-testid=\"promised\">1 个工作日"));
        Assert.That(await client.GetStringAsync("/Guide/ZJ-001"), Does.Contain("data-testid=\"promised\">3 个工作日"), "other items untouched");
    }

    [Test]
    public async Task A_csv_with_an_error_is_rejected_naming_the_line_and_nothing_is_saved()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var csv = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/Admin/Catalog/Export")).AsSpan(3));
        var lines = csv.Split('\n');
        var row = Array.FindIndex(lines, l => l.StartsWith("ZJ-002,"));
        var cells = CatalogCsv.Parse(lines[row], out _)[0];
        cells[5] = "30";
        lines[row] = string.Join(',', cells.Select(CatalogCsv.Quote));
        var before = Revision(await client.GetStringAsync("/Admin/Catalog"));
        var html = await UploadAsync(client, string.Join('\n', lines));
        var errors = html.Split("data-testid=\"import-errors\"")[1];
        Assert.That(errors, Does.Contain($"第{row + 1}行").And.Contain("promisedDays").And.Contain("承诺时限不得超过法定时限"));
        Assert.That(html, Does.Not.Contain("data-testid=\"preview-title\""));
        Assert.That(Revision(await client.GetStringAsync("/Admin/Catalog")), Is.EqualTo(before));
    }

    [Test]
    public async Task Admin_search_and_filter_and_the_admin_links()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var html = await client.GetStringAsync("/Admin/Catalog?mode=immediate");
        Assert.That(html.Split("<tr data-code=").Length - 1, Is.EqualTo(3));
        var admin = await client.GetStringAsync("/Admin");
        Assert.That(admin, Does.Contain("href=\"/Admin/Catalog\"").And.Contain("href=\"/Admin/Processes\"").And.Contain("href=\"/Admin/Calendar\""));
    }

    [Test]
    public async Task Process_definitions_list_versions_and_show_the_diagram()
    {
        await using var app = new AppFactory();
        using var client = await AdminAsync(app);
        var list = await client.GetStringAsync("/Admin/Processes");
        Assert.That(Regex.Matches(list, "<tr data-definition=").Count, Is.EqualTo(13), "the 13 shipped definitions (renewal is the 13th)");
        Assert.That(list, Does.Contain("tolerance.json").And.Contain("system"));
        Assert.That(list, Does.Contain("data-definition=\"land-to-construction\""), "a definition with sub-cases loads next to the one it names");
        var detail = await client.GetStringAsync("/Admin/Processes/tolerance");
        Assert.That(detail, Does.Contain("<svg").And.Contain("data-step=\"awaiting-supplements\"").And.Contain("accept-with-tolerance"));
        var version = Regex.Match(detail, "data-version=\"([0-9a-f]+)\"").Groups[1].Value;
        Assert.That((await client.GetAsync($"/Admin/Processes/tolerance?version={version}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/Admin/Processes/tolerance?version=nope")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("/Admin/Catalog")]
    [TestCase("/Admin/Catalog/Edit/ZJ-001")]
    [TestCase("/Admin/Catalog/Export")]
    [TestCase("/Admin/Processes")]
    public async Task An_applicant_is_forbidden(string url)
    {
        await using var app = new AppFactory();
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        var response = await client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
        Assert.That((await client.GetAsync(response.Headers.Location)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<string> UploadAsync(HttpClient client, string csv)
    {
        var page = await client.GetStringAsync("/Admin/Catalog/Import");
        var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "catalog.csv");
        var response = await client.PostAsync("/Admin/Catalog/Import?handler=Preview", form);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await response.Content.ReadAsStringAsync();
    }
}
