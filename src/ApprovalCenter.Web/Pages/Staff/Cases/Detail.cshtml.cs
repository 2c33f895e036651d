using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
using ApprovalCenter.Workflow;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Staff.Cases;

/// <summary>
/// The staff case page: the applicant's data, the clock with its explanation, the journal, the
/// documents, who has claimed it, and the action forms the signed-in role may use at the current
/// step(s), derived from the process definition. Every action goes through CaseService with the
/// workflow version the form was built on, so a second clerk gets the conflict message.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(CaseService cases, WorkbenchQueries queries, CaseAssignments assignments, AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public WorkflowInstance Instance { get; private set; } = null!;
    public CaseClock Clock { get; private set; } = null!;
    public CatalogItem? Item { get; private set; }
    public List<KeyValuePair<string, string>> ApplicantData { get; private set; } = [];
    public List<CaseJournalEntry> Journal { get; private set; } = [];
    public List<IssuedDocument> Documents { get; private set; } = [];
    public List<CaseAssignment> Claims { get; private set; } = [];
    public List<AvailableAction> Actions { get; private set; } = [];
    public List<CreditRecord> Credit { get; private set; } = [];
    public List<string> CurrentStepNames { get; private set; } = [];
    public List<AppUser> DepartmentStaff { get; private set; } = [];
    public DateOnly? ToleranceDeadline { get; private set; }
    public bool Blocked { get; private set; }
    public string? Done { get; private set; }

    [BindProperty(Name = ActionInput.Prefix)] public ActionInput Act { get; set; } = new();
    [BindProperty] public string? Op { get; set; }
    [BindProperty] public string? ClaimStep { get; set; }
    [BindProperty] public string? AssigneeId { get; set; }

    public string UserId => StaffActor.UserId(User);
    public bool IsChiefOrSupervisor => User.IsInRole(Roles.ChiefRepresentative) || User.IsInRole(Roles.Supervisor);

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        var denied = await LoadAsync(number, ct);
        if (denied is not null) return denied;
        Done = done;
        return Page();
    }

    public async Task<IActionResult> OnGetDocumentAsync(string number, Guid id, CancellationToken ct)
    {
        var denied = await LoadAsync(number, ct);
        if (denied is not null) return denied;
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.CaseId == Case.Id, ct);
        return doc is null ? NotFound() : File(doc.Pdf, "application/pdf", $"{doc.DocumentNumber}.pdf");
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken ct)
    {
        var denied = await LoadAsync(number, ct);
        if (denied is not null) return denied;
        var actor = StaffActor.From(HttpContext);
        try
        {
            switch (Op)
            {
                case "claim":
                    await assignments.ClaimAsync(Case, ClaimStep ?? "", actor, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=claim");
                case "release":
                    await assignments.ReleaseAsync(Case, ClaimStep ?? "", actor, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=release");
                case "reassign":
                    var to = string.IsNullOrEmpty(AssigneeId) ? null : await users.FindByIdAsync(AssigneeId);
                    if (to is null) { ModelState.AddModelError(nameof(AssigneeId), "请选择改派给谁"); return Page(); }
                    var role = (await users.GetRolesAsync(to)).FirstOrDefault() ?? "";
                    await assignments.ReassignAsync(Case, ClaimStep ?? "", to, role, actor, null, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=reassign");
                default:
                    return await ActAsync(actor, ct);
            }
        }
        catch (CaseException e)
        {
            ModelState.AddModelError(e.Field is null ? "" : $"{ActionInput.Prefix}.{e.Field}", e.Message);
            Response.StatusCode = e.Status;
            await LoadAsync(number, ct);
            return Page();
        }
    }

    private async Task<IActionResult> ActAsync(CaseActor actor, CancellationToken ct)
    {
        var action = Act.Action ?? "";
        var offered = Actions.FirstOrDefault(a => a.Action.Name == action && (Act.StepId is null || a.StepId == Act.StepId));
        if (offered is null)
            throw CaseException.Forbidden($"您的角色在办件当前环节不能执行“{CaseService.ActionSummary(action)}”。");
        if (action == "deliver") return Redirect($"/Staff/Pickup/{Case.Number}");
        var (data, errors) = Act.ToData(action, Item, ToleranceDeadline, Blocked);
        if (errors.Count > 0)
        {
            foreach (var (key, message) in errors) ModelState.AddModelError(key, message);
            return Page();
        }
        var updated = await cases.ActAsync(Case.Number, action, actor, data, Act.Version, offered.StepId, ct);
        await assignments.DropFinishedAsync(updated, ct);
        return Redirect($"/Staff/Cases/{Case.Number}?done={Uri.EscapeDataString(action)}");
    }

    /// <summary>Loads the case, or the 403/404 result when the user may not see it.</summary>
    private async Task<IActionResult?> LoadAsync(string number, CancellationToken ct)
    {
        try { (Case, Instance, Clock) = await cases.GetAsync(number, ct); }
        catch (CaseException e) when (e.Status == 404) { return NotFound(); }
        if (!DepartmentAuthorizationHandler.CanActIn(User, Case.Department)) return StatusCode(StatusCodes.Status403Forbidden);
        Item = await queries.ItemAsync(Case.ItemCode, ct);
        ApplicantData = Flatten(Case.DataJson);
        Journal = await db.Set<CaseJournalEntry>().AsNoTracking().Where(j => j.CaseId == Case.Id).OrderBy(j => j.Id).ToListAsync(ct);
        Documents = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.CaseId == Case.Id).OrderBy(d => d.SignedAt)
            .Select(d => new IssuedDocument { Id = d.Id, Kind = d.Kind, Title = d.Title, DocumentNumber = d.DocumentNumber, SignedAt = d.SignedAt, RevokedAt = d.RevokedAt, VerificationCode = d.VerificationCode, IssuedBy = d.IssuedBy })
            .ToListAsync(ct);
        Claims = await assignments.ForCaseAsync(Case.Id, ct);
        Actions = await queries.ActionsAsync(User, Instance, ct);
        // The law allows one extension (Art. 42): once granted, the request form is not offered again.
        if (Clock.Extension is not null) Actions = Actions.Where(a => a.Action.Name != "request-extension").ToList();
        CurrentStepNames = [];
        foreach (var s in Case.Steps) CurrentStepNames.Add(await queries.StepNameAsync(Instance, s, ct));
        Credit = await db.Set<CreditRecord>().AsNoTracking().Where(c => c.ApplicantId == Case.ApplicantId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        Blocked = Credit.Any(c => c.BlocksSpecialModes);
        ToleranceDeadline = Actions.Any(a => a.Action.Name == "accept-with-tolerance") ? await queries.PromisedFromTodayAsync(Case.PromisedDays, ct) : null;
        if (IsChiefOrSupervisor)
        {
            DepartmentStaff = [];
            foreach (var role in new[] { Roles.Reviewer, Roles.ChiefRepresentative })
                DepartmentStaff.AddRange((await users.GetUsersInRoleAsync(role)).Where(u => u.Department == Case.Department));
        }
        return null;
    }

    public bool HasAction(string name) => Actions.Any(a => a.Action.Name == name);

    /// <summary>The department steps of the case that can be claimed now.</summary>
    public IEnumerable<string> ClaimableSteps => Case.Status == CaseStatus.Running
        ? Actions.Where(a => a.Action.Roles.Contains(Roles.Reviewer) || a.Action.Roles.Contains(Roles.ChiefRepresentative)).Select(a => a.StepId).Distinct()
            .Union(IsChiefOrSupervisor ? Claims.Select(c => c.StepId).Where(Case.Steps.Contains) : [])
        : [];

    private static List<KeyValuePair<string, string>> Flatten(string json)
    {
        var list = new List<KeyValuePair<string, string>>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return list;
            foreach (var p in doc.RootElement.EnumerateObject())
                list.Add(new(p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()));
        }
        catch (JsonException) { }
        return list;
    }

    public static string DataLabel(string key) => key switch
    {
        "projectName" => "项目名称",
        "deliveryMethod" => "领取方式",
        "mailingAddress" => "邮寄地址",
        "contactName" => "联系人",
        "contactPhone" => "联系电话",
        "address" => "地址",
        _ => key,
    };
}
