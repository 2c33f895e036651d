using System.Net;
using ApprovalCenter.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>A client whose cookies the test holds in its own hands, so that a sign-in cookie can be
/// copied and replayed later, as an attacker with a stolen cookie would.</summary>
internal sealed class CapturedSession(HttpClient http) : IDisposable
{
    public Dictionary<string, string> Cookies { get; } = [];
    public HttpClient Http { get; } = http;

    public static CapturedSession Create(AppFactory app, string baseAddress = "http://localhost") =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri(baseAddress) }));

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, IReadOnlyDictionary<string, string>? cookies = null)
    {
        var jar = cookies ?? Cookies;
        if (jar.Count > 0) request.Headers.Add("Cookie", string.Join("; ", jar.Select(c => $"{c.Key}={c.Value}")));
        var response = await Http.SendAsync(request);
        if (cookies is null && response.Headers.TryGetValues("Set-Cookie", out var set))
            foreach (var line in set)
            {
                var pair = line.Split(';')[0].Split('=', 2);
                if (line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || pair[1].Length == 0) Cookies.Remove(pair[0]);
                else Cookies[pair[0]] = pair[1];
            }
        return response;
    }

    public Task<HttpResponseMessage> GetAsync(string url, IReadOnlyDictionary<string, string>? cookies = null) => SendAsync(new HttpRequestMessage(HttpMethod.Get, url), cookies);

    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields, string? tokenPage = null)
    {
        var token = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(
            await (await GetAsync(tokenPage ?? url)).Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        fields["__RequestVerificationToken"] = token;
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) });
    }

    public async Task SignInAsync(string user, string password)
    {
        var r = await PostFormAsync("/Account/Login", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        if (r.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Sign-in of {user} gave {(int)r.StatusCode}");
    }

    public void Dispose() => Http.Dispose();
}
