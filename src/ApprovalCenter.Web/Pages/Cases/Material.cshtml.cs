using ApprovalCenter.Cases;
using ApprovalCenter.Web.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Cases;

/// <summary>
/// One material of a case in the browser's viewer (PDF and images inline, OFD as a download), for
/// the applicant and for the staff who may open the case. The content itself comes from the Raw
/// handler, which is where each open is journaled; anyone else gets 404 (applicants) or 403 (staff).
/// </summary>
[Authorize]
public sealed class MaterialModel(CaseMaterials materials) : PageModel
{
    public CaseRecord Case { get; private set; } = null!;
    public CaseMaterial Material { get; private set; } = null!;
    public bool Staff => CaseQueries.IsStaff(User);
    public string BackUrl => Staff ? $"/Staff/Cases/{Case.Number}" : $"/My/Cases/{Case.Number}";
    public string RawUrl => $"/Cases/{Case.Number}/Materials/{Material.LinkId}?handler=Raw";

    public async Task<IActionResult> OnGetAsync(string number, Guid id, CancellationToken ct)
    {
        if (await FindAsync(number, id, ct) is { } denied) return denied;
        return Page();
    }

    public async Task<IActionResult> OnGetRawAsync(string number, Guid id, bool download, CancellationToken ct)
    {
        if (await FindAsync(number, id, ct) is { } denied) return denied;
        var file = await materials.OpenAsync(Case, Material, CaseActors.Require(HttpContext), ct);
        if (file is null) return NotFound();
        Response.Headers.CacheControl = "no-store";
        // Our own viewer page frames this response; nothing else may (the site-wide default is DENY).
        Response.Headers["X-Frame-Options"] = "SAMEORIGIN";
        Response.Headers.ContentSecurityPolicy = "default-src 'self'; frame-ancestors 'self'";
        // Inline for the viewer; a named attachment when asked for (and always for OFD).
        return download || !Material.Viewable ? File(file.Content, file.ContentType, file.FileName) : File(file.Content, file.ContentType);
    }

    private async Task<IActionResult?> FindAsync(string number, Guid id, CancellationToken ct)
    {
        if (await materials.FindAsync(number, id, User, ct) is not { } found)
            return Staff ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        (Case, Material) = found;
        return null;
    }
}
