using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Account;

[AllowAnonymous]
[EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db, ILogger<RegisterModel> log) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请选择申请人类型。")] public ApplicantKind? Kind { get; set; }
        [Required(ErrorMessage = "请填写企业名称或姓名。")] [StringLength(100, ErrorMessage = "名称不能超过100个字。")] public string DisplayName { get; set; } = "";
        public string? CreditCode { get; set; }
        public string? IdNumber { get; set; }
        [Required(ErrorMessage = "请填写手机号码。")] [RegularExpression(@"^1[3-9]\d{9}$", ErrorMessage = "手机号码应为11位，以1开头。")] public string Phone { get; set; } = "";
        [EmailAddress(ErrorMessage = "电子邮箱格式不正确。")] public string? Email { get; set; }
        [Required(ErrorMessage = "请填写用户名。")] [StringLength(50, MinimumLength = 3, ErrorMessage = "用户名为3至50个字符。")] public string UserName { get; set; } = "";
        [Required(ErrorMessage = "请设置密码。")] [DataType(DataType.Password)] public string Password { get; set; } = "";
        [Required(ErrorMessage = "请再次输入密码。")] [DataType(DataType.Password)] [Compare(nameof(Password), ErrorMessage = "两次输入的密码不一致。")] public string ConfirmPassword { get; set; } = "";
    }

    public void OnGet() => Input.Kind ??= ApplicantKind.Enterprise;

    public async Task<IActionResult> OnPostAsync()
    {
        ValidateIdentityNumbers();
        if (!ModelState.IsValid) return Page();
        var credit = Input.CreditCode?.Trim().ToUpperInvariant();
        var idNumber = Input.IdNumber?.Trim().ToUpperInvariant();
        if (Input.Kind == ApplicantKind.Enterprise && credit is { Length: > 0 } && await db.Users.AnyAsync(u => u.CreditCode == credit))
            ModelState.AddModelError("Input.CreditCode", "该统一社会信用代码已注册，请直接登录或找回密码。");
        if (Input.Kind == ApplicantKind.Individual && idNumber is { Length: > 0 } && await db.Users.AnyAsync(u => u.Kind == ApplicantKind.Individual && u.IdNumber == idNumber))
            ModelState.AddModelError("Input.IdNumber", "该公民身份号码已注册，请直接登录或找回密码。");
        if (!ModelState.IsValid) return Page();

        var user = new AppUser
        {
            UserName = Input.UserName.Trim(), DisplayName = Input.DisplayName.Trim(), Kind = Input.Kind!.Value,
            CreditCode = Input.Kind == ApplicantKind.Enterprise ? credit : null,
            IdNumber = string.IsNullOrEmpty(idNumber) ? null : idNumber,
            PhoneNumber = Input.Phone.Trim(), Email = string.IsNullOrWhiteSpace(Input.Email) ? null : Input.Email.Trim(),
        };
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : e.Code.Contains("UserName") ? "Input.UserName" : string.Empty, e.Description);
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Applicant);
        log.LogInformation("Applicant {User} registered as {Kind}", user.UserName, user.Kind);
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/My");
    }

    private void ValidateIdentityNumbers()
    {
        if (Input.Kind == ApplicantKind.Enterprise)
        {
            if (UnifiedSocialCreditCode.Validate(Input.CreditCode) is { } error) ModelState.AddModelError("Input.CreditCode", error);
            if (!string.IsNullOrWhiteSpace(Input.IdNumber) && ResidentIdNumber.Validate(Input.IdNumber, DateOnly.FromDateTime(DateTime.Today)) is { } idError)
                ModelState.AddModelError("Input.IdNumber", idError);
        }
        else if (Input.Kind == ApplicantKind.Individual)
        {
            if (ResidentIdNumber.Validate(Input.IdNumber, DateOnly.FromDateTime(DateTime.Today)) is { } error) ModelState.AddModelError("Input.IdNumber", error);
        }
    }
}
