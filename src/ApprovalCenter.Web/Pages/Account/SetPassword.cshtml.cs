using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Account;

/// <summary>A new member of staff sets the first password through the one-time link from /Admin/Staff (an Identity
/// password-reset token: used once, and void when the account's security stamp changes).</summary>
[AllowAnonymous]
public sealed class SetPasswordModel(UserManager<AppUser> users) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirm { get; set; }
    public bool Done { get; private set; }

    public string? UserName { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        if (user is null || string.IsNullOrEmpty(Token)) ModelState.AddModelError("Token", "链接无效或已过期，请联系系统管理员重新生成。");
        UserName = user?.UserName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = UserId is null ? null : await users.FindByIdAsync(UserId);
        UserName = user?.UserName;
        if (user is null || string.IsNullOrEmpty(Token)) { ModelState.AddModelError("Token", "链接无效或已过期，请联系系统管理员重新生成。"); return Page(); }
        if (string.IsNullOrEmpty(Password)) ModelState.AddModelError(nameof(Password), "请填写新密码");
        else if (Password != Confirm) ModelState.AddModelError(nameof(Confirm), "两次输入的密码不一致");
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, Token, Password!);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "InvalidToken" ? "Token" : nameof(Password), e.Code == "InvalidToken" ? "链接无效、已使用或已过期，请联系系统管理员重新生成。" : Chinese(e));
            return Page();
        }
        Done = true;
        return Page();
    }

    private static string Chinese(IdentityError e) => e.Code switch
    {
        "PasswordTooShort" => "密码至少 8 位",
        "PasswordRequiresDigit" => "密码须包含数字",
        "PasswordRequiresLower" => "密码须包含小写字母",
        "PasswordRequiresUpper" => "密码须包含大写字母",
        "PasswordRequiresNonAlphanumeric" => "密码须包含符号（如 # 或 !）",
        _ => e.Description,
    };
}
