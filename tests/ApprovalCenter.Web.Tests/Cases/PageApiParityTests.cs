using System.Net;
using System.Text.Json;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Tests.CasesApi;
using ApprovalCenter.Web.Tests.Workbench;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// The page and the API are two adapters over one handler. For every descriptor, the same input
/// posted as the staff form (in.{key} text fields) and sent as API JSON (typed scalars) reaches the
/// handler as the same values and gets the same result and the same field errors; then, end to
/// end, a refused page post and a refused API call show the same fields and messages.
/// </summary>
public sealed class PageApiParityTests
{
    private static readonly CatalogItem Item = new("ZJ-001", "住建", "建筑工程施工许可证核发（新办）", "行政许可", 7, 3, "standard", "不收费",
        new ItemModes(false, true, true, true, true, true), false,
        [new Material("建筑工程施工许可证申请表", MaterialType.Core), new Material("建设工程规划许可证", MaterialType.Core)], "建筑法", ItemSource.InferredSource);

    private static IEnumerable<ActionDescriptor> Descriptors() => ActionCatalog.All.Append(ActionCatalog.Submit).OrderBy(d => d.Id, StringComparer.Ordinal);

    /// <summary>A valid value per input, as the API would type it.</summary>
    private static Dictionary<string, object?> Sample(ActionDescriptor d)
    {
        var values = new Dictionary<string, object?>();
        foreach (var s in d.Inputs)
            values[s.Key] = s.Type switch
            {
                InputType.Integer => s.Min!.Value, InputType.Choice => s.Choices![0], InputType.Boolean => true, InputType.Date => "2026-12-15",
                InputType.MaterialReasons => "建设工程规划许可证：未盖章", _ => "测试" + s.Label,
            };
        if (d.Input("collectorIdNumber") is not null) { values["collectorIdNumber"] = "441802199001011239"; values["collectorRelation"] = "agent"; }
        // Inputs with a format of their own: a date and an official document number.
        if (d.Input(ActionCatalog.HearingDate) is not null) values[ActionCatalog.HearingDate] = "2026-03-20";
        if (d.Input(ActionCatalog.GovernmentReplyNumber) is not null) values[ActionCatalog.GovernmentReplyNumber] = "清新府函[2026]15号";
        return values;
    }

    private static (Dictionary<string, object?> Data, List<InputError> Errors) ViaPage(ActionDescriptor d, Dictionary<string, object?> values)
    {
        var form = new FormCollection(values.ToDictionary(kv => ActionForm.Name(kv.Key), kv => new StringValues(kv.Value switch { bool b => b ? "true" : "false", null => "", var v => v.ToString() })));
        return ActionInputValidator.Validate(d, ActionForm.Read(form, d, Item), new InputContext(Item.Materials.Select(m => m.Name).ToList()));
    }

    private static (Dictionary<string, object?> Data, List<InputError> Errors) ViaApi(ActionDescriptor d, Dictionary<string, object?> values)
    {
        var json = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(values))!;
        Assert.That(CaseProblems.TryReadData(json, out var data, out _), Is.True);
        return ActionInputValidator.Validate(d, data, new InputContext(Item.Materials.Select(m => m.Name).ToList()));
    }

    [TestCaseSource(nameof(Descriptors))]
    public void The_form_and_the_json_of_the_same_input_get_the_same_result_and_the_same_field_errors(ActionDescriptor d)
    {
        var valid = Sample(d);
        var (pageData, pageErrors) = ViaPage(d, valid);
        var (apiData, apiErrors) = ViaApi(d, valid);
        Assert.That(pageErrors, Is.Empty, string.Join("; ", pageErrors));
        Assert.That(apiErrors, Is.Empty, string.Join("; ", apiErrors));
        Assert.That(JsonSerializer.Serialize(pageData.OrderBy(kv => kv.Key)), Is.EqualTo(JsonSerializer.Serialize(apiData.OrderBy(kv => kv.Key))));

        var wrong = new Dictionary<string, object?>(valid) { ["badCredit"] = false, ["department"] = "环保" };
        foreach (var spec in d.Inputs.Where(s => s.Required).Take(1)) wrong.Remove(spec.Key);
        if (d.Input("department") is not null) wrong.Remove("department");
        var (_, pageRefused) = ViaPage(d, wrong);
        var (_, apiRefused) = ViaApi(d, wrong);
        Assert.That(pageRefused, Is.Not.Empty);
        Assert.That(pageRefused, Is.EqualTo(apiRefused));
    }

    [Test]
    public async Task A_refused_page_post_and_a_refused_api_call_name_the_same_fields_with_the_same_messages()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        var number = (await kit.SubmitAsync("company", "ZJ-001")).Number;

        var page = await (await app.SignedInAsync("clerk")).ActOnPageAsync(kit, number, "refuse", new() { ["in.competentAuthority"] = "清远市发展和改革局", ["in.badCredit"] = "false" });
        var html = (await page.Content.ReadAsStringAsync()).Html();
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));

        var api = await (await CasesApiClient.SignInAsync(app, "clerk")).ActAsync(number, "refuse", new { competentAuthority = "清远市发展和改革局", badCredit = false });
        Assert.That(api.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "badCredit", "refusalReason" }));
        foreach (var field in errors.EnumerateObject())
            Assert.That(html, Does.Contain($"href=\"#in_{field.Name}\">{field.Value[0].GetString()}</a>"), field.Name);
        Assert.That((await kit.GetAsync(number)).Record.Steps, Is.EqualTo(new[] { "intake" }));
    }
}
