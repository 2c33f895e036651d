using Microsoft.Playwright;

namespace ApprovalCenter.Testing;

/// <summary>The app on a real socket plus Debian's chromium with one page: what every browser
/// test starts with. Disposing closes the browser and stops the app.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    public AppFactory App { get; private init; } = null!;
    public IPage Page { get; private set; } = null!;
    public string BaseUrl { get; private init; } = "";

    public static async Task<BrowserSession> StartAsync(AppFactory? app = null, int width = 1200, int height = 900)
    {
        var factory = app ?? new AppFactory();
        var port = FreePort.Next();
        factory.UseKestrel(port);
        factory.StartServer();
        var session = new BrowserSession { App = factory, BaseUrl = $"http://127.0.0.1:{port}" };
        (session._playwright, session._browser) = await Browser.LaunchAsync();
        session.Page = await session._browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        return session;
    }

    public Task<IResponse?> GoAsync(string path) => Page.GotoAsync(BaseUrl + path);

    /// <summary>Signs in through the login form (signing out first when someone is signed in).</summary>
    public async Task SignInAsync(string userName, string password)
    {
        await GoAsync("/Account/Login");
        var logout = Page.Locator("form[action='/Account/Logout'] button");
        if (await logout.CountAsync() > 0)
        {
            await logout.ClickAsync();
            await GoAsync("/Account/Login");
        }
        await Page.FillAsync("#Input_UserName", userName);
        await Page.FillAsync("#Input_Password", password);
        await Page.ClickAsync("button[type=submit]");
    }

    public Task ScreenshotAsync(string name) => Page.ScreenshotAsync(new() { Path = Browser.ScreenshotPath(name), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}
