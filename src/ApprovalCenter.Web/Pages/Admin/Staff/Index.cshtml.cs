using ApprovalCenter.Administration;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Staff;

/// <summary>Staff accounts (工作人员账号): create with a one-time password link, change roles and department,
/// disable or enable, reset two-step sign-in. Every change is journaled by <see cref="StaffAdministration"/>.</summary>
[Authorize(Policy = Policies.Administration)]
public sealed class IndexModel(StaffAdministration staff) : PageModel
{
    public sealed class NewAccount
    {
        public string? UserName { get; set; }
        public string? DisplayName { get; set; }
        public string? Email { get; set; }
        public List<string> Roles { get; set; } = [];
        public string? Department { get; set; }
    }

    public List<StaffAccount> Accounts { get; private set; } = [];
    [BindProperty] public NewAccount Input { get; set; } = new();
    [BindProperty] public string? UserId { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public string? Department { get; set; }
    [BindProperty] public string? Reason { get; set; }
    /// <summary>The one-time link of an account just created (shown once, to hand over when there is no mail).</summary>
    public string? Link { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Done = done;
        Accounts = await staff.ListAsync(ct);
    }

    private AdminActor Actor => new(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "", User.Identity?.Name ?? "",
        HttpContext.Connection.RemoteIpAddress?.ToString());

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var (user, link, errors) = await staff.CreateAsync(Input.UserName ?? "", Input.DisplayName ?? "", Input.Email, Input.Roles, Input.Department, Actor, ct);
        foreach (var e in errors) ModelState.AddModelError("Input." + e.Field, e.Reason);
        if (user is not null) { Link = link; Done = "create:" + user.UserName; Input = new(); }
        Accounts = await staff.ListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostRolesAsync(CancellationToken ct) => RowAsync(() => staff.UpdateAsync(UserId ?? "", Roles, Department, Actor, ct), "roles", ct);
    public Task<IActionResult> OnPostDisableAsync(CancellationToken ct) => RowAsync(() => staff.SetDisabledAsync(UserId ?? "", true, Reason, Actor, ct), "disable", ct);
    public Task<IActionResult> OnPostEnableAsync(CancellationToken ct) => RowAsync(() => staff.SetDisabledAsync(UserId ?? "", false, Reason, Actor, ct), "enable", ct);
    public Task<IActionResult> OnPostResetTwoFactorAsync(CancellationToken ct) => RowAsync(() => staff.ResetTwoFactorAsync(UserId ?? "", Reason, Actor, ct), "reset-2fa", ct);

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        Link = await staff.ReissueLinkAsync(UserId ?? "", Actor, ct);
        if (Link is null) ModelState.AddModelError("UserId", "没有这个工作人员账号");
        else Done = "link";
        Accounts = await staff.ListAsync(ct);
        return Page();
    }

    private async Task<IActionResult> RowAsync(Func<Task<List<StaffError>>> act, string done, CancellationToken ct)
    {
        ModelState.Clear();
        var errors = await act();
        if (errors.Count == 0) return Redirect($"/Admin/Staff?done={done}");
        foreach (var e in errors) ModelState.AddModelError(e.Field, e.Reason);
        Accounts = await staff.ListAsync(ct);
        return Page();
    }

    public static string RoleName(string role) => ApprovalCenter.Cases.Actions.Labels.Role(role);
}
