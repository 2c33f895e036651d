using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalCenter.Testing;

/// <summary>Form posting the way a browser does it: fetch the page, take its antiforgery token, post.</summary>
public static partial class WebClientExtensions
{
    public static HttpClient CreateBrowserLikeClient(this AppFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, IDictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = AntiforgeryToken().Match(page);
        if (!token.Success) throw new InvalidOperationException($"No antiforgery token on {url}");
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    /// <summary>Signs in through the real login form; returns the redirect target.</summary>
    public static async Task<string> SignInAsync(this HttpClient client, string userName, string password)
    {
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Input.UserName"] = userName, ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {userName} failed with {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
