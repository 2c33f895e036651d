using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hall;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Hall;

/// <summary>The clerk's counter screen: sign in to one counter, call next (by work profile), recall,
/// call a chosen ticket, walk-in, transfer, park, no-show, end; during service the visitor's open
/// cases and drafts, and the cases linked to the visit. Each button posts one operation to <see cref="HallOperations"/>.</summary>
[Authorize(Policy = Policies.Clerk)]
public sealed class CounterModel(HallOperations hall, ServiceHours serviceHours) : PageModel
{
    public CounterState State { get; private set; } = null!;
    public List<HallCounter> Counters { get; private set; } = [];
    public List<HallService> Services { get; private set; } = [];
    public List<HallQueue> Queues { get; private set; } = [];
    public List<CaseRecord> VisitorCases { get; private set; } = [];
    public List<ApplicationDraft> VisitorDrafts { get; private set; } = [];
    public List<VisitCase> LinkedCases { get; private set; } = [];
    public List<HallJournalEntry> Journal { get; private set; } = [];
    public string? Done { get; private set; }
    /// <summary>The page that serves the current visitor's service, e.g. /Windows/Unresolved for 办不成事.</summary>
    public string? CurrentServiceLink { get; private set; }

    [BindProperty] public string? Op { get; set; }
    [BindProperty] public int? CounterId { get; set; }
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? ToQueue { get; set; }
    [BindProperty] public int? ToCounter { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct) { Done = done; await LoadAsync(ct); }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = HallActors.From(HttpContext);
        try
        {
            HallTicket? t = null;
            switch (Op)
            {
                case "sign-in": await hall.SignInAsync(CounterId ?? throw HallException.Invalid(nameof(CounterId), "请选择窗口。"), actor, ct); break;
                case "sign-out": await hall.SignOutAsync(actor, ct); break;
                case "next": t = await hall.CallNextAsync(actor, ct); break;
                case "call": t = await hall.CallChosenAsync(Number, actor, ct); break;
                case "recall": t = await hall.RecallAsync(actor, ct); break;
                case "start": t = await hall.StartAsync(actor, ct); break;
                case "no-show": t = await hall.NoShowAsync(actor, ct); break;
                case "end": t = await hall.EndAsync(actor, ct); break;
                case "park": t = await hall.ParkAsync(Note, actor, ct); break;
                case "transfer": t = await hall.TransferAsync(ToQueue, ToCounter, Note, actor, ct); break;
                case "walk-in": t = await hall.WalkInAsync(Service, IdNumber, actor, ct); break;
                case "identify": await hall.IdentifyAsync(IdNumber, actor, ct); break;
                case "link-case": await hall.LinkCaseAsync(CaseNumber, actor, ct); break;
                default: throw HallException.Invalid(nameof(Op), "请选择操作。");
            }
            return Redirect("/Hall/Counter?done=" + Uri.EscapeDataString(DoneText(Op) + (t is null ? "" : " " + t.Number)));
        }
        catch (HallException e)
        {
            ModelState.AddModelError(FieldName(e.Field), e.Message);
            Response.StatusCode = e.Status;
        }
        await LoadAsync(ct);
        return Page();
    }

    private static string DoneText(string op) => op switch
    {
        "sign-in" => "已登录窗口", "sign-out" => "已退出窗口", "next" or "call" => "已呼叫", "recall" => "已重呼", "start" => "开始办理",
        "no-show" => "已登记过号", "end" => "已结束服务", "park" => "已暂挂", "transfer" => "已转办", "walk-in" => "直接办理",
        "identify" => "已登记办事人身份证号", "link-case" => "已关联办件", _ => op,
    };

    private static string FieldName(string? field) => field switch
    {
        "counter" => nameof(CounterId), "number" => nameof(Number), "service" => nameof(Service), "idNumber" => nameof(IdNumber),
        "toQueue" => nameof(ToQueue), "toCounter" => nameof(ToCounter), "caseNumber" => nameof(CaseNumber), _ => "",
    };

    private async Task LoadAsync(CancellationToken ct)
    {
        State = await HallApi.CounterStateAsync(HttpContext, hall, serviceHours, ct);
        Counters = await hall.CountersAsync(ct);
        Services = await hall.ServicesAsync(ct);
        Queues = await hall.QueuesAsync(ct);
        var current = await hall.CurrentTicketAsync(CaseActorsId(), ct);
        if (current is not null)
        {
            (VisitorCases, VisitorDrafts) = await hall.VisitorWorkAsync(current, ct);
            CurrentServiceLink = Services.FirstOrDefault(s => s.Id == current.ServiceId)?.Link;
            LinkedCases = await hall.CasesAsync(current.Id, ct);
            Journal = await hall.JournalAsync(current.Id, ct);
        }
    }

    private string CaseActorsId() => Web.Cases.CaseActors.UserId(User);
    public string ServiceName(string id) => Services.FirstOrDefault(s => s.Id == id)?.Name ?? id;
}
