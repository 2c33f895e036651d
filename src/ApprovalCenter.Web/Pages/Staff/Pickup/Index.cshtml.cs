using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
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
    public const string AtWindow = "窗口领取", ByPost = "邮寄", Electronic = "电子证照";
    public static readonly string[] Methods = [AtWindow, ByPost, Electronic];

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

    public async Task<IActionResult> OnPostAsync(string? number, CancellationToken ct)
    {
        var r = await LoadAsync(number, ct);
        if (r is not null) return r;
        if (Case is null) return NotFound();
        var data = new Dictionary<string, object?> { ["deliveryMethod"] = Input.Method };
        switch (Input.Method)
        {
            case AtWindow:
                if (string.IsNullOrWhiteSpace(Input.CollectorName)) ModelState.AddModelError("Input.CollectorName", "请填写领取人姓名");
                var idError = ResidentIdNumber.Validate(Input.CollectorIdNumber?.Trim());
                if (idError is not null) ModelState.AddModelError("Input.CollectorIdNumber", "领取人身份证号码：" + idError);
                if (Input.Relation is not ("applicant" or "agent")) ModelState.AddModelError("Input.Relation", "请选择领取人是申请人本人还是受托人");
                var id = Input.CollectorIdNumber?.Trim().ToUpperInvariant() ?? "";
                data["collectorName"] = Input.CollectorName?.Trim();
                data["collectorIdChecked"] = true;
                data["collectorIdMasked"] = id.Length == 18 ? id[..6] + "********" + id[14..] : null;
                data["collectorRelation"] = Input.Relation == "agent" ? "受托人" : "申请人本人";
                break;
            case ByPost:
                if (string.IsNullOrWhiteSpace(Input.TrackingNumber)) ModelState.AddModelError("Input.TrackingNumber", "邮寄送达须填写快递单号");
                data["trackingNumber"] = Input.TrackingNumber?.Trim();
                data["collectorIdChecked"] = false;
                break;
            case Electronic:
                if (!Input.ElectronicConfirmed) ModelState.AddModelError("Input.ElectronicConfirmed", "请确认申请人已下载电子证照");
                data["collectorIdChecked"] = false;
                data["electronicLicenceConfirmed"] = true;
                break;
            default:
                ModelState.AddModelError("Input.Method", "请选择送达方式");
                break;
        }
        if (!ModelState.IsValid) return Page();
        try
        {
            await cases.ActAsync(Case.Number, "deliver", StaffActor.From(HttpContext), data, Input.Version, "delivery", ct);
        }
        catch (CaseException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = e.Status;
            return Page();
        }
        return Redirect($"/Staff/Pickup?delivered={Uri.EscapeDataString(Case.Number)}");
    }

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

    public static string PreferredMethod(CaseRecord c) => ReadString(c.DataJson, "deliveryMethod") is { } m && Methods.Contains(m) ? m : AtWindow;

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
