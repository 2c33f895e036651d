using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace ApprovalCenter.Web.Pages.Account;

/// <summary>Account security: time-based one-time passwords (TOTP) as a second sign-in factor.</summary>
public sealed class ManageModel(UserManager<AppUser> users, SignInManager<AppUser> signIn) : PageModel
{
    public string UserName { get; private set; } = "";
    public bool TwoFactorEnabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string? Message { get; private set; }
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "验证码不正确，请确认手机时间准确后重新输入。");
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "两步验证已开启。下次登录时需要输入验证码。";
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        Message = "两步验证已关闭。";
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return false;
        UserName = user.UserName ?? "";
        TwoFactorEnabled = await users.GetTwoFactorEnabledAsync(user);
        if (!TwoFactorEnabled)
        {
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                // A new key rotates the security stamp, which would sign this very session out.
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
            SharedKey = string.Join(" ", key!.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
            var uri = $"otpauth://totp/{Uri.EscapeDataString("ApprovalCenter")}:{Uri.EscapeDataString(UserName)}?secret={key}&issuer=ApprovalCenter&digits=6";
            using var gen = new QRCodeGenerator();
            using var data = gen.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
            QrSvg = new SvgQRCode(data).GetGraphic(4);
        }
        return true;
    }
}
