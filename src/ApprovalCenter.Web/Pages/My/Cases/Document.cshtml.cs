using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.My.Cases;

/// <summary>Downloads a document issued on the applicant's own case; anyone else gets 404.</summary>
public sealed class DocumentModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, Guid id)
    {
        var userId = users.GetUserId(User);
        var doc = await (from d in db.Set<IssuedDocument>().AsNoTracking()
                         join c in db.Set<CaseRecord>().AsNoTracking() on d.CaseId equals (Guid?)c.Id
                         where d.Id == id && c.Number == number && c.ApplicantId == userId
                         select d).FirstOrDefaultAsync();
        if (doc is null) return NotFound();
        return File(doc.Pdf, "application/pdf", $"{doc.CaseNumber}-{doc.Title}.pdf");
    }
}
