using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Unresolved;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Windows.Unresolved;

/// <summary>One 办不成事 matter for staff: its deadline, parties (with each 12345 hand-off's
/// delivery state), the forms for the step it is at, and the journal of every change.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class DetailModel(UnresolvedService service, UnresolvedQueries queries) : PageModel
{
    public sealed class StepForm
    {
        public List<string> Departments { get; set; } = [];
        public string? OutsideBodies { get; set; }
        public string? HotlineCategory { get; set; }
        public string? Note { get; set; }
        public Guid? PartyId { get; set; }
        public string? NoteText { get; set; }
        public string? Reply { get; set; }
        public string? Answer { get; set; }
        public bool? Satisfied { get; set; }
        public string? CallbackNote { get; set; }
        public uint? Version { get; set; }
    }

    [BindProperty] public StepForm Input { get; set; } = new();
    public UnresolvedQueries.Detail Matter { get; private set; } = null!;
    public string? Done { get; private set; }
    public DateOnly Today => queries.Today;

    public async Task<IActionResult> OnGetAsync(string number, string? done, CancellationToken ct)
    {
        Done = done;
        return await LoadAsync(number, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDispatchAsync(string number, CancellationToken ct) => Run(number, "dispatched", ct, () =>
        service.DispatchAsync(number, new DispatchInput(Input.Departments, Input.OutsideBodies, Input.HotlineCategory, Input.Note), Actor, Input.Version, ct));

    public Task<IActionResult> OnPostNoteAsync(string number, CancellationToken ct) => Run(number, "note", ct, () =>
        service.NoteAsync(number, Input.PartyId, Input.NoteText, Actor, ct));

    public Task<IActionResult> OnPostReplyAsync(string number, CancellationToken ct) => Run(number, "replied", ct, () =>
        Input.PartyId is { } p ? service.ReplyAsync(number, p, Input.Reply, Actor, ct) : throw UnresolvedException.Invalid("partyId", "请选择答复的承办单位。"));

    public Task<IActionResult> OnPostAnswerAsync(string number, CancellationToken ct) => Run(number, "answered", ct, () =>
        service.AnswerAsync(number, Input.Answer, Actor, Input.Version, ct));

    public Task<IActionResult> OnPostCallbackAsync(string number, CancellationToken ct) => Run(number, "callback", ct, () =>
        service.CallbackAsync(number, Input.Satisfied, Input.CallbackNote, Actor, Input.Version, ct));

    private ApprovalCenter.Cases.CaseActor Actor => CaseActors.Require(HttpContext);

    private async Task<IActionResult> Run(string number, string done, CancellationToken ct, Func<Task> act)
    {
        try
        {
            await act();
            return Redirect($"/Windows/Unresolved/{Uri.EscapeDataString(number)}?done={done}");
        }
        catch (UnresolvedException e)
        {
            UnresolvedWeb.AddErrors(ModelState, e);
            if (!await LoadAsync(number, ct)) return NotFound();
            Response.StatusCode = e.Status;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(number, ct);
        if (detail is null) return false;
        Matter = detail;
        return true;
    }

    public static string DoneText(string? done) => done switch
    {
        "received" => "已登记受理。", "dispatched" => "已分派。", "note" => "已记录协调情况。", "replied" => "已记录答复。",
        "answered" => "已答复反映人，请回访。", "callback" => "已记录回访。", _ => "",
    };
}
