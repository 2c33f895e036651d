using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Cases.Actions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Staff.Pickup;

/// <summary>
/// One window hands out every result (一窗通取): the decided cases with their Art. 44 delivery
/// deadline, and the hand-over form. At the window the collector's identity is checked (name and
/// a valid resident ID number, applicant or agent); by post a tracking number is needed; an
/// e-licence needs the download confirmed.
/// </summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class IndexModel(CaseService cases, WorkbenchQueries queries) : PageModel
{
    public static IReadOnlyList<string> Methods => DeliveryMethods.Names;

    public sealed record Row(CaseRecord Case, int? DaysLeft);

    public sealed class HandOverInput
    {
        public string? Method { get; set; }
        public string? CollectorName { get; set; }
        public string? CollectorIdNumber { get; set; }
        public string? Relation { get; set; }
        public string? TrackingNumber { get; set; }
        public bool ElectronicConfirmed { get; set; }
        public long? Version { get; set; }
    }

    public List<Row> Ready { get; private set; } = [];
    public CaseRecord? Case { get; private set; }
    public long Version { get; private set; }
    public string? MailingAddress { get; private set; }
    public string? Delivered { get; private set; }
    [BindProperty] public HandOverInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string? number, string? delivered, CancellationToken ct)
    {
        Delivered = delivered;
        var r = await LoadAsync(number, ct);
        if (r is not null) return r;
        if (Case is not null) Input.Method = PreferredMethod(Case);
        return Page();
    }

    /// <summary>The page adapter: the hand-over form becomes the deliver action's inputs; the
    /// descriptor's rules (identity check, tracking number, e-licence confirmation) decide.</summary>
    public async Task<IActionResult> OnPostAsync(string? number, CancellationToken ct)
    {
        var r = await LoadAsync(number, ct);
        if (r is not null) return r;
        if (Case is null) return NotFound();
        var input = new Dictionary<string, object?>
        {
            ["deliveryMethod"] = Input.Method, ["collectorName"] = Input.CollectorName, ["collectorIdNumber"] = Input.CollectorIdNumber,
            ["collectorRelation"] = Input.Relation, ["trackingNumber"] = Input.TrackingNumber, ["electronicLicenceConfirmed"] = Input.ElectronicConfirmed,
        };
        try
        {
            await cases.ActAsync(new CaseCommand(Case.Number, "deliver", input, Input.Version, "delivery"), CaseActors.Require(HttpContext), ct);
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError("Input." + FieldOf(error.Key), error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
            return Page();
        }
        return Redirect($"/Staff/Pickup?delivered={Uri.EscapeDataString(Case.Number)}");
    }

    private static string FieldOf(string key) => key switch
    {
        "deliveryMethod" => nameof(HandOverInput.Method), "collectorName" => nameof(HandOverInput.CollectorName),
        "collectorIdNumber" => nameof(HandOverInput.CollectorIdNumber), "collectorRelation" => nameof(HandOverInput.Relation),
        "trackingNumber" => nameof(HandOverInput.TrackingNumber), _ => nameof(HandOverInput.ElectronicConfirmed),
    };

    private async Task<IActionResult?> LoadAsync(string? number, CancellationToken ct)
    {
        foreach (var c in await queries.AtStepAsync("delivery", DepartmentAuthorizationHandler.QueueDepartment(User), ct))
            Ready.Add(new Row(c, await queries.WorkingDaysLeftAsync(c.DeliveryDeadline, ct)));
        Ready = Ready.OrderBy(x => x.Case.DeliveryDeadline).ThenBy(x => x.Case.Number).ToList();
        if (number is null) return null;
        try
        {
            var (record, instance, _) = await cases.GetAsync(number, ct);
            if (!record.Steps.Contains("delivery")) return NotFound();
            if (!DepartmentAuthorizationHandler.CanActIn(User, record.Department)) return Forbid();
            Case = record;
            Version = instance.Version;
            MailingAddress = ReadString(record.DataJson, "mailingAddress");
        }
        catch (CaseException e) when (e.Status == 404) { return NotFound(); }
        return null;
    }

    /// <summary>What the applicant chose (their code, e.g. "electronic", is the same method as the clerk's "电子证照").</summary>
    public static string PreferredMethod(CaseRecord c) => DeliveryMethods.Name(ReadString(c.DataJson, "deliveryMethod")) ?? DeliveryMethods.AtWindow;

    private static string? ReadString(string json, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        }
        catch (JsonException) { return null; }
    }
}
