using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Workbench;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Admin.Authorisations;

/// <summary>The chief representatives' authorisation matrix (首席代表授权): who may decide which
/// items of their department, from when to when. Revoking keeps the line for the record.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, WorkbenchQueries queries, BusinessClock time) : PageModel
{
    public sealed class GrantInput
    {
        public string? UserId { get; set; }
        public string? ItemCode { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
    }

    public sealed record Line(ChiefAuthorisation Grant, string UserName, string Department, string ItemName, string State);

    public List<Line> Lines { get; private set; } = [];
    public List<AppUser> Chiefs { get; private set; } = [];
    public string? Done { get; private set; }
    [BindProperty] public GrantInput Input { get; set; } = new();
    [BindProperty] public long? RevokeId { get; set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        await LoadAsync(ct);
        Input.ValidFrom = queries.Today;
        Input.ValidTo = new DateOnly(queries.Today.Year, 12, 31);
    }

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var chief = Chiefs.FirstOrDefault(u => u.Id == Input.UserId);
        if (chief is null) ModelState.AddModelError("Input.UserId", "请选择首席代表");
        var code = Input.ItemCode?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code)) ModelState.AddModelError("Input.ItemCode", "请填写事项编码，或填“*”授权本部门全部事项");
        else if (code != ChiefAuthorisation.AllItems)
        {
            var item = await queries.ItemAsync(code, ct);
            if (item is null) ModelState.AddModelError("Input.ItemCode", $"事项编码“{code}”不在事项目录中");
            else if (chief is not null && item.Department != chief.Department)
                ModelState.AddModelError("Input.ItemCode", $"事项“{item.Name}”属于{item.Department}，不能授权给{chief.Department}的首席代表");
        }
        if (Input.ValidFrom is null) ModelState.AddModelError("Input.ValidFrom", "请填写授权起始日期");
        if (Input.ValidTo is null) ModelState.AddModelError("Input.ValidTo", "请填写授权截止日期");
        else if (Input.ValidFrom is not null && Input.ValidTo < Input.ValidFrom) ModelState.AddModelError("Input.ValidTo", "截止日期不能早于起始日期");
        if (!ModelState.IsValid) return Page();
        db.Add(new ChiefAuthorisation
        {
            UserId = chief!.Id, ItemCode = code!, Power = ChiefAuthorisation.DecidePower, ValidFrom = Input.ValidFrom!.Value, ValidTo = Input.ValidTo!.Value,
            GrantedBy = User.Identity?.Name ?? "", GrantedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        return Redirect("/Admin/Authorisations?done=grant");
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        var grant = await db.Set<ChiefAuthorisation>().FirstOrDefaultAsync(a => a.Id == RevokeId, ct);
        if (grant is null) return NotFound();
        if (grant.RevokedAt is null)
        {
            grant.RevokedAt = time.GetUtcNow();
            grant.RevokedBy = User.Identity?.Name;
            await db.SaveChangesAsync(ct);
        }
        return Redirect("/Admin/Authorisations?done=revoke");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Chiefs = (await users.GetUsersInRoleAsync(Roles.ChiefRepresentative)).OrderBy(u => u.Department).ThenBy(u => u.UserName).ToList();
        var byId = Chiefs.ToDictionary(u => u.Id);
        var today = queries.Today;
        foreach (var g in await db.Set<ChiefAuthorisation>().AsNoTracking().OrderBy(a => a.Id).ToListAsync(ct))
        {
            var u = byId.GetValueOrDefault(g.UserId);
            var itemName = g.ItemCode == ChiefAuthorisation.AllItems ? "本部门全部事项" : (await queries.ItemAsync(g.ItemCode, ct))?.Name ?? g.ItemCode;
            var state = g.RevokedAt is not null ? "已撤销" : today > g.ValidTo ? "已过期" : today < g.ValidFrom ? "未生效" : "有效";
            Lines.Add(new Line(g, u?.DisplayName ?? g.UserId, u?.Department ?? "", itemName, state));
        }
    }
}
