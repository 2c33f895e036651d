using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Supervision;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Supervision;

/// <summary>The monthly report (/Supervision/Report): a supervisor issues the sealed PDF of a month;
/// every issued report is listed and downloadable, and verifiable through its QR code.</summary>
public sealed class ReportModel(MonthlyReport reports, AppDbContext db, ApprovalCenter.Clock.BusinessClock clock) : PageModel
{
    [BindProperty] public string? Month { get; set; }
    public List<IssuedDocument> Issued { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Month ??= RatingBoard.MonthOf(clock.GetUtcNow());
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!User.IsInRole(ApprovalCenter.Identity.Roles.Supervisor)) ModelState.AddModelError("", "月度报告由督查人员出具。");
        else if (!RatingBoard.TryMonth(Month?.Trim(), out var from, out var to)) ModelState.AddModelError(nameof(Month), $"统计月份“{Month}”无效，格式为 yyyy-MM。");
        else
        {
            var doc = await reports.IssueAsync(Month!.Trim(), from, to, CaseActors.Require(HttpContext), ct);
            return Redirect($"/Supervision/Report?handler=Pdf&id={doc.Id}");
        }
        Response.StatusCode = 400;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        var doc = await db.Set<IssuedDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.Kind == ApprovalCenter.Documents.DocumentKind.SupervisionReport, ct);
        return doc is null ? NotFound() : File(doc.Pdf, "application/pdf", doc.DocumentNumber + ".pdf");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Issued = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Kind == ApprovalCenter.Documents.DocumentKind.SupervisionReport)
            .OrderByDescending(d => d.SignedAt).Take(50)
            .Select(d => new IssuedDocument { Id = d.Id, DocumentNumber = d.DocumentNumber, Title = d.Title, SignedAt = d.SignedAt, VerificationCode = d.VerificationCode }).ToListAsync(ct);
}
