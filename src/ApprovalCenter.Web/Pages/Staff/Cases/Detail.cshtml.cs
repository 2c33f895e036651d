using System.Globalization;
using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Cases;
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
/// The staff case page, read as a case file: the applicant's declarations under Chinese labels,
/// the materials with a viewer, the clock with its explanation, who holds the claim, the documents,
/// the journal, and one form per action the signed-in role may take now. Each form is rendered by
/// its descriptor's partial and posted to the same case handler as the API, with the same checks.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(CaseService cases, WorkbenchQueries queries, CaseMaterials materials, AppDbContext db, UserManager<AppUser> users, ApprovalCenter.Web.Cases.CaseScopes scopes) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public WorkflowInstance Instance { get; private set; } = null!;
    public CaseClock Clock { get; private set; } = null!;
    public CatalogItem? Item { get; private set; }
    public List<(string Label, string Value)> Declared { get; private set; } = [];
    public List<CaseMaterial> Materials { get; private set; } = [];
    public List<CaseJournalEntry> Journal { get; private set; } = [];
    public List<IssuedDocument> Documents { get; private set; } = [];
    public List<CaseAssignment> Claims { get; private set; } = [];
    public List<AvailableAction> Actions { get; private set; } = [];
    public List<CreditRecord> Credit { get; private set; } = [];
    public List<(string Id, string Name)> WaitingSteps { get; private set; } = [];
    public List<AppUser> DepartmentStaff { get; private set; } = [];
    public DateOnly? ToleranceDeadline { get; private set; }
    /// <summary>This case's requests to exceed the promised limit (rules.md §1d), newest first.</summary>
    public List<PromisedLimitRequest> PromisedLimitRequests { get; private set; } = [];
    public bool Blocked { get; private set; }
    public string? Done { get; private set; }
    /// <summary>The action whose form was posted (its fields keep what was typed after an error).</summary>
    public string? Posted { get; private set; }

    [BindProperty] public string? Op { get; set; }
    [BindProperty] public string? ClaimStep { get; set; }
    [BindProperty] public string? AssigneeId { get; set; }

    public string UserId => CaseActors.UserId(User);
    public bool IsChiefOrSupervisor => User.IsInRole(Roles.ChiefRepresentative) || User.IsInRole(Roles.Supervisor);
    public static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

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
        var actor = CaseActors.Require(HttpContext);
        try
        {
            switch (Op)
            {
                case "claim":
                    await cases.ClaimAsync(Case.Number, ClaimStep ?? "", actor, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=claim");
                case "release":
                    await cases.ReleaseAsync(Case.Number, ClaimStep ?? "", actor, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=release");
                case "reassign":
                    var to = string.IsNullOrEmpty(AssigneeId) ? null : await users.FindByIdAsync(AssigneeId);
                    if (to is null) { ModelState.AddModelError(nameof(AssigneeId), "请选择改派给谁"); return Page(); }
                    var role = (await users.GetRolesAsync(to)).FirstOrDefault() ?? "";
                    await cases.ReassignAsync(Case.Number, ClaimStep ?? "", to, role, actor, null, ct);
                    return Redirect($"/Staff/Cases/{Case.Number}?done=reassign");
                default:
                    return await ActAsync(actor, ct);
            }
        }
        catch (CaseException e)
        {
            ActionForm.AddErrors(ModelState, e);
            Response.StatusCode = e.Status;
            await LoadAsync(number, ct);
            return Page();
        }
    }

    /// <summary>The page adapter: the posted <c>in.*</c> fields go to the handler unchanged.</summary>
    private async Task<IActionResult> ActAsync(CaseActor actor, CancellationToken ct)
    {
        var form = Request.Form;
        var action = form["act.action"].ToString();
        var stepId = form["act.step"].ToString() is { Length: > 0 } s ? s : null;
        long? version = long.TryParse(form["act.version"], out var v) ? v : null;
        Posted = action;
        var offered = Actions.FirstOrDefault(a => a.Action.Name == action && (stepId is null || a.StepId == stepId));
        if (offered is null)
            throw CaseException.Forbidden($"您的角色在办件当前环节不能执行“{Labels.Action(action)}”。");
        if (offered.Descriptor.Partial == "_Deliver") return Redirect($"/Staff/Pickup/{Case.Number}");
        var input = ActionForm.Read(form, offered.Descriptor, Item);
        await cases.ActAsync(new CaseCommand(Case.Number, action, input, version, offered.StepId), actor, ct);
        return Redirect($"/Staff/Cases/{Case.Number}?done={Uri.EscapeDataString(action)}");
    }

    /// <summary>Loads the case, or the 403/404 result when the user may not see it.</summary>
    private async Task<IActionResult?> LoadAsync(string number, CancellationToken ct)
    {
        try { (Case, Instance, Clock) = await cases.GetAsync(number, ct); }
        catch (CaseException e) when (e.Status == 404) { return NotFound(); }
        if (!await scopes.MayOpenAsync(User, Case, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        Item = await queries.ItemAsync(Case.ItemCode, ct);
        Declared = DeclaredData(Case.DataJson, Case.ApplicantName, Case.ApplicantCode);
        Materials = await materials.ListAsync(Case.Id, ct);
        Journal = await db.Set<CaseJournalEntry>().AsNoTracking().Where(j => j.CaseId == Case.Id).OrderBy(j => j.Id).ToListAsync(ct);
        Documents = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.CaseId == Case.Id).OrderBy(d => d.SignedAt)
            .Select(d => new IssuedDocument { Id = d.Id, Kind = d.Kind, Title = d.Title, DocumentNumber = d.DocumentNumber, SignedAt = d.SignedAt, RevokedAt = d.RevokedAt, VerificationCode = d.VerificationCode, IssuedBy = d.IssuedBy })
            .ToListAsync(ct);
        Claims = await cases.ClaimsAsync(Case.Id, ct);
        Actions = await queries.ActionsAsync(User, Instance, ct);
        // The law allows one extension (Art. 42): once granted, the request form is not offered again.
        if (Clock.Extension is not null) Actions = Actions.Where(a => a.Action.Name != "request-extension").ToList();
        WaitingSteps = [];
        foreach (var s in await queries.WaitingStepsAsync(Instance, ct)) WaitingSteps.Add((s, await queries.StepNameAsync(Instance, s, ct)));
        Credit = await db.Set<CreditRecord>().AsNoTracking().Where(c => c.ApplicantId == Case.ApplicantId).OrderBy(c => c.CreatedAt).ToListAsync(ct);
        Blocked = Credit.Any(c => c.BlocksSpecialModes);
        PromisedLimitRequests = await cases.PromisedLimitRequestsAsync(Case.Id, ct);
        if (OfferPromisedLimitRequest()) Actions.Add(PromisedLimitAction());
        ToleranceDeadline = Actions.Any(a => a.Action.Name == "accept-with-tolerance") ? await cases.PromisedFromTodayAsync(CaseService.ToleranceDaysOf(Case), ct) : null;
        if (IsChiefOrSupervisor)
        {
            DepartmentStaff = [];
            foreach (var role in new[] { Roles.Reviewer, Roles.ChiefRepresentative })
                DepartmentStaff.AddRange((await users.GetUsersInRoleAsync(role)).Where(u => u.Department == Case.Department));
        }
        return null;
    }

    /// <summary>The department steps of the case that can be claimed now.</summary>
    public IEnumerable<string> ClaimableSteps => Case.Status == CaseStatus.Running
        ? Actions.Where(a => a.Action.Roles.Contains(Roles.Reviewer) || a.Action.Roles.Contains(Roles.ChiefRepresentative)).Select(a => a.StepId).Distinct()
            .Union(IsChiefOrSupervisor ? Claims.Select(c => c.StepId).Where(Case.Steps.Contains) : [])
        : [];

    public string StepName(string id) => WaitingSteps.FirstOrDefault(s => s.Id == id).Name ?? id;

    /// <summary>A field's value after a refused post (so nothing typed is lost), else empty.</summary>
    /// <summary>rules.md §1d: the handler may ask to exceed the promised limit while it has not been reached,
    /// once, with nothing pending; the server checks all of it again.</summary>
    private bool OfferPromisedLimitRequest() =>
        (User.IsInRole(Roles.Reviewer) || User.IsInRole(Roles.ChiefRepresentative)) && User.HasClaim(Roles.DepartmentClaim, Case.Department)
        && Case.Status == CaseStatus.Running
        && Clock.Phase is ClockPhase.InProgress or ClockPhase.Paused && Clock.PromisedExtension is null
        && Clock.PromisedDeadline is { } promised && queries.Today <= promised.Date
        && PromisedLimitRequests.All(r => r.Status != PromisedLimitRequestStatus.Pending);

    private AvailableAction PromisedLimitAction()
    {
        var d = ActionCatalog.Find(ActionCatalog.RequestPromisedLimit)!;
        var step = Instance.CurrentSteps.FirstOrDefault() ?? "";
        var def = new ActionDef(d.Id, d.Roles, null, null, null, [], System.Collections.Immutable.ImmutableDictionary<string, object?>.Empty, [], [], "");
        return new AvailableAction(step, step, def, d);
    }

    public string Value(string action, string key) => Posted == action ? Request.Form[ActionForm.Name(key)].ToString() : "";

    /// <summary>What the applicant declared, each under its form label; yes/no and the delivery
    /// choice in words; empty answers left out (no "null" in a case file).</summary>
    public static List<(string Label, string Value)> DeclaredData(string json, string? accountName = null, string? accountCode = null)
    {
        var list = new List<(int Order, string Label, string Value)>();
        var order = ActionCatalog.Submit.Inputs.Select(i => i.Key).Concat(ActionCatalog.Find(ActionCatalog.ChooseDelivery)!.Inputs.Select(i => i.Key)).ToList();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return [];
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                var value = p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString(),
                    JsonValueKind.True => English ? "Yes" : "是",
                    JsonValueKind.False => English ? "No" : "否",
                    JsonValueKind.Number => p.Value.GetRawText(),
                    _ => null,
                };
                if (string.IsNullOrWhiteSpace(value)) continue;
                // The account's verified name and code are shown above; repeat them only when the form says otherwise.
                if ((p.Name == "applicantName" && value == accountName) || (p.Name == "applicantCode" && value == accountCode)) continue;
                if (p.Name == "deliveryMethod") value = DeliveryMethods.Name(value) ?? value;
                var at = order.IndexOf(p.Name);
                list.Add((at < 0 ? int.MaxValue : at, ActionCatalog.DataLabel(p.Name, English), value));
            }
        }
        catch (JsonException) { }
        // jsonb keeps keys in its own order: show them in the form's order.
        return list.OrderBy(x => x.Order).Select(x => (x.Label, x.Value)).ToList();
    }

    public static string ModeName(CaseMode m) => ApprovalCenter.Web.Portal.PortalTexts.ModeName(m);

    public static string DoneLabel(string done) => done switch
    {
        "claim" => "认领",
        "release" => "释放认领",
        "reassign" => "改派",
        _ => Labels.Action(done, English),
    };
}
