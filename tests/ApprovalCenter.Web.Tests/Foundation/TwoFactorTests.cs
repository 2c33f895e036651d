using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Foundation;

public sealed partial class TwoFactorTests
{
    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var clean = base32Key.Replace(" ", "").ToUpperInvariant();
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8) { bytes.Add((byte)(buffer >> (bits - 8))); bits -= 8; }
        }
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(bytes.ToArray(), counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6");
    }

    [Test]
    public async Task A_staff_member_turns_on_totp_and_then_needs_a_code_to_sign_in()
    {
        await using var app = new AppFactory();
        using var client = app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        var manage = await client.GetStringAsync("/Account/Manage");
        var key = SharedKey().Match(manage).Groups[1].Value;
        Assert.That(key, Is.Not.Empty);

        var wrong = await client.PostFormAsync("/Account/Manage?handler=Enable", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.That(await wrong.Content.ReadAsStringAsync(), Does.Contain("验证码不正确"));
        var enabled = await client.PostFormAsync("/Account/Manage?handler=Enable", new Dictionary<string, string> { ["Code"] = Totp(key, DateTimeOffset.UtcNow) });
        Assert.That(await enabled.Content.ReadAsStringAsync(), Does.Contain("两步验证已开启"));

        using var fresh = app.CreateBrowserLikeClient();
        var login = await fresh.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "supervisor", ["Input.Password"] = IdentitySeeder.DemoPassword });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(login.Headers.Location!.OriginalString, Does.StartWith("/Account/LoginWith2fa"));
        Assert.That((await fresh.GetAsync("/Supervision")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "not signed in yet");

        var url = login.Headers.Location!.OriginalString;
        var verified = await fresh.PostFormAsync(url, new Dictionary<string, string> { ["Code"] = Totp(key, DateTimeOffset.UtcNow), ["RememberMe"] = "false" });
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(verified.Headers.Location!.OriginalString, Is.EqualTo("/Supervision"));
    }

    [GeneratedRegex("data-testid=\"shared-key\">([a-z0-9 ]+)<")]
    private static partial Regex SharedKey();
}
