using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace ApprovalCenter.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请输入用户名。")] [Display(Name = "用户名")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请输入密码。")] [DataType(DataType.Password)] [Display(Name = "密码")] public string Password { get; set; } = "";
        [Display(Name = "保持登录")] public bool RememberMe { get; set; }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Input.UserName.Trim(), Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var user = await users.FindByNameAsync(Input.UserName.Trim());
            var principal = await signIn.CreateUserPrincipalAsync(user!);
            return LocalRedirect(SafeReturnUrl() ?? RoleHome.For(principal));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(string.Empty, "登录失败次数过多，账号已临时锁定15分钟，请稍后再试。");
            return Page();
        }
        ModelState.AddModelError(string.Empty, "用户名或密码不正确。连续失败5次将临时锁定账号。");
        return Page();
    }

    private string? SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
}
