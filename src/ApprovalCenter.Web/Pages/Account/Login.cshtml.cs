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

    /// <summary>One answer for a wrong name, a wrong password and a locked account, so that the
    /// form does not tell a stranger which user names exist.</summary>
    public const string FailedMessage = "用户名或密码不正确，或账号已临时锁定（连续失败5次将锁定15分钟）。请核对后重试，或稍后再试。";

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var name = Input.UserName.Trim();
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            // Spend the time a real password check takes: the answer's speed must not tell either.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, Input.Password);
            ModelState.AddModelError(string.Empty, FailedMessage);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            var principal = await signIn.CreateUserPrincipalAsync(user);
            return LocalRedirect(SafeReturnUrl() ?? RoleHome.For(principal));
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("/Account/LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        ModelState.AddModelError(string.Empty, FailedMessage);
        return Page();
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    private string? SafeReturnUrl() => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;
}
