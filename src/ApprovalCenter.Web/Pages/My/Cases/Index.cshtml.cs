using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.My.Cases;

/// <summary>Tracks the applicant's own case: status, deadlines with their explanation, documents,
/// materials, the timeline, and the applicant's action when the case waits for them. A case of
/// someone else is a 404: its existence is not revealed.</summary>
public sealed class IndexModel(PortalService portal, CaseService cases, ApprovalCenter.Web.Cases.CaseMaterials materials, ApprovalCenter.Web.Workbench.WorkbenchQueries steps, AppDbContext db, FileStore store, UserManager<AppUser> users) : PageModel
{
    private static readonly Dictionary<string, (string Action, CaseFileStage Stage)> ApplicantSteps = new()
    {
        ["awaiting-supplement"] = ("supplement", CaseFileStage.Supplement),
        ["awaiting-supplements"] = ("submit-supplements", CaseFileStage.Tolerance),
        ["awaiting-signature"] = ("sign", CaseFileStage.Application),
        ["hearing-right"] = ("request-hearing", CaseFileStage.Application),   // ALL Art. 47: no files, a request
    };

    public CaseRecord Case { get; private set; } = null!;
    public string StatusText { get; private set; } = "";
    /// <summary>A finished case: nothing left to choose (the result was handed over or the case ended).</summary>
    public bool Completed { get; private set; }
    public string? Waiting { get; private set; }
    public CaseFileStage Stage { get; private set; }
    public long InstanceVersion { get; private set; }
    public ApprovalCenter.Workflow.WorkflowInstance? Instance { get; private set; }
    public DateOnly? SupplementDeadline { get; private set; }
    /// <summary>The last day to request a hearing (the clock's, ALL Art. 47).</summary>
    public DateOnly? HearingRequestDeadline { get; private set; }
    public List<(string Material, string Reason)> Requested { get; private set; } = [];
    public List<DeadlineExplanation> Deadlines { get; private set; } = [];
    public List<IssuedDocument> Documents { get; private set; } = [];
    public List<PortalFile> Files { get; private set; } = [];
    public List<ApprovalCenter.Web.Cases.CaseMaterial> Materials { get; private set; } = [];
    public List<CaseJournalEntry> Journal { get; private set; } = [];
    public string? Message { get; private set; }
    [BindProperty] public DeliveryInput Delivery { get; set; } = new();

    public sealed class DeliveryInput
    {
        public string? Method { get; set; }
        public string? Address { get; set; }
    }

    private AppUser _user = null!;

    private async Task<bool> LoadAsync(string number, bool keepDeliveryInput = false)
    {
        var user = await users.GetUserAsync(User);
        if (user is null || await portal.OwnCaseAsync(number, user.Id) is null) return false;
        _user = user;
        var (record, instance, clock) = await cases.GetAsync(number);
        Case = record;
        InstanceVersion = instance.Version;
        Instance = instance;
        var waiting = await steps.WaitingStepsAsync(instance);
        Completed = record.Status == CaseStatus.Completed;
        StatusText = record.Status == CaseStatus.Completed
            ? string.Join("；", waiting.Select(PortalTexts.StepName).DefaultIfEmpty(PortalTexts.OutcomeName(record.Outcome)))
            : string.Join("；", waiting.Select(PortalTexts.StepName));
        Waiting = record.Status == CaseStatus.Running ? waiting.FirstOrDefault(ApplicantSteps.ContainsKey) : null;
        if (Waiting is not null)
        {
            Stage = ApplicantSteps[Waiting].Stage;
            Requested = PortalService.ParseMissing(instance.Data.GetValueOrDefault("missingMaterials") as string);
            SupplementDeadline = Waiting == "awaiting-supplement" ? clock.SupplementDeadline : null;
            HearingRequestDeadline = Waiting == "hearing-right" ? clock.HearingRequestDeadline : null;
        }
        Deadlines = new[] { DeadlineKind.Intake, DeadlineKind.Promised, DeadlineKind.Statutory, DeadlineKind.Delivery }
            .Select(clock.Explain).OfType<DeadlineExplanation>().ToList();
        Documents = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.CaseId == record.Id).OrderBy(d => d.SignedAt)
            .Select(d => new IssuedDocument { Id = d.Id, Kind = d.Kind, Title = d.Title, DocumentNumber = d.DocumentNumber, VerificationCode = d.VerificationCode, SignedAt = d.SignedAt, RevokedAt = d.RevokedAt })
            .ToListAsync();
        Files = await portal.CaseFilesAsync(record.Id);
        Materials = await materials.ListAsync(record.Id);
        Journal = await db.Set<CaseJournalEntry>().AsNoTracking().Where(j => j.CaseId == record.Id).OrderBy(j => j.Id).ToListAsync();
        if (!keepDeliveryInput)
            Delivery = new DeliveryInput { Method = PortalService.DataString(record.DataJson, "deliveryMethod"), Address = PortalService.DataString(record.DataJson, "mailingAddress") };
        return true;
    }

    /// <summary>Who acted, as the applicant sees it: staff by their role (窗口人员, 审查员, ...), not by name.</summary>
    public string Who(CaseJournalEntry j) =>
        j.Actor == "system" ? "系统" :
        j.Actor == Case.ApplicantId ? "申请人" :
        j.ActorRole is { } role ? ApprovalCenter.Cases.Actions.Labels.Role(role) : "审批局";

    public async Task<IActionResult> OnGetAsync(string number, string? done)
    {
        if (!await LoadAsync(number)) return NotFound();
        Message = done switch
        {
            "supplement" => "补正材料已提交，审批局将重新进行受理审查。",
            "submit-supplements" => "容缺材料已提交，等待核验。",
            "sign" => "您已签署告知承诺书。",
            "decline" => "您未签署告知承诺书，申请已撤回。",
            "delivery" => "领取方式已保存。",
            "request-hearing" => "听证申请已提交，审批局将提前七日书面通知听证的时间和地点。",
            _ => null,
        };
        return Page();
    }

    /// <summary>The applicant's supplement: the files are stored first (uploads are not case state),
    /// then the handler links them, checks every requested material is there and moves the case.</summary>
    public async Task<IActionResult> OnPostSupplementAsync(string number, long version, CancellationToken ct)
    {
        if (!await LoadAsync(number)) return NotFound();
        if (Waiting is not ("awaiting-supplement" or "awaiting-supplements"))
        {
            ModelState.AddModelError("", "该办件当前不需要补交材料。");
            return Page();
        }
        var attached = new List<AttachedMaterial>();
        for (var i = 0; i < Requested.Count; i++)
        {
            var file = Request.Form.Files.GetFile($"file-{i}");
            if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) continue;
            var stored = await PortalUploads.TrySaveAsync(store, file, _user.Id, ModelState, $"file-{i}", ct);
            if (stored is not null) attached.Add(new AttachedMaterial(Requested[i].Material, stored.Id));
        }
        if (!ModelState.IsValid) return Page();
        var action = ApplicantSteps[Waiting].Action;
        try
        {
            await cases.ActAsync(new CaseCommand(number, action, null, version, Waiting, attached), Actor, ct);
        }
        catch (CaseException e)
        {
            await LoadAsync(number);
            foreach (var error in e.Errors.DefaultIfEmpty(new ApprovalCenter.Cases.Actions.InputError("", e.Message)))
            {
                // "请上传“X”。" belongs to X's file field; everything else to the summary.
                var index = Requested.FindIndex(r => error.Message.Contains($"“{r.Material}”"));
                ModelState.AddModelError(index >= 0 ? $"file-{index}" : "", error.Message);
            }
            return Page();
        }
        return Redirect($"/My/Cases/{number}?done={action}");
    }

    /// <summary>Signing (or declining) the commitment letter, when it was not signed with the application.</summary>
    public async Task<IActionResult> OnPostSignAsync(string number, long version, string? decision, CancellationToken ct)
    {
        if (!await LoadAsync(number)) return NotFound();
        if (Waiting != "awaiting-signature" || decision is not ("sign" or "decline"))
        {
            ModelState.AddModelError("", "该办件当前不需要签署告知承诺书。");
            return Page();
        }
        try
        {
            await cases.ActAsync(new CaseCommand(number, decision, null, version, Waiting), Actor, ct);
        }
        catch (CaseException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(number);
            return Page();
        }
        return Redirect($"/My/Cases/{number}?done={decision}");
    }

    /// <summary>The applicant asks for the hearing it was told of (ALL Art. 47); the clock judges the 5 days.</summary>
    public async Task<IActionResult> OnPostHearingAsync(string number, long version, CancellationToken ct)
    {
        if (!await LoadAsync(number)) return NotFound();
        if (Waiting != "hearing-right")
        {
            ModelState.AddModelError("", "该办件当前不能申请听证。");
            return Page();
        }
        try
        {
            await cases.ActAsync(new CaseCommand(number, "request-hearing", null, version, Waiting), Actor, ct);
        }
        catch (CaseException e)
        {
            ModelState.AddModelError("", e.Message);
            await LoadAsync(number);
            return Page();
        }
        return Redirect($"/My/Cases/{number}?done=request-hearing");
    }

    /// <summary>The delivery choice is a case action like any other: validated by its descriptor and journaled.</summary>
    public async Task<IActionResult> OnPostDeliveryAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, keepDeliveryInput: true)) return NotFound();
        ModelState.Clear();
        try
        {
            await cases.ActAsync(new CaseCommand(number, ApprovalCenter.Cases.Actions.ActionCatalog.ChooseDelivery, new Dictionary<string, object?>
            {
                ["deliveryMethod"] = Delivery.Method, ["mailingAddress"] = Delivery.Address,
            }), Actor, ct);
        }
        catch (CaseException e)
        {
            foreach (var error in e.Errors) ModelState.AddModelError(error.Key == "mailingAddress" ? "Delivery.Address" : "Delivery.Method", error.Message);
            if (e.Errors.Count == 0) ModelState.AddModelError("", e.Message);
            return Page();
        }
        return Redirect($"/My/Cases/{number}?done=delivery");
    }

    private CaseActor Actor => ApprovalCenter.Web.Cases.CaseActors.Require(HttpContext);
}
