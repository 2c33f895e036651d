using Microsoft.Playwright;

namespace ApprovalCenter.Testing;

/// <summary>Debian's chromium driven by Playwright. Playwright's own browser download cannot work
/// here, so the executable path is always given.</summary>
public static class Browser
{
    public static string ExecutablePath => Environment.GetEnvironmentVariable("APPROVALCENTER_CHROMIUM") ?? "/usr/bin/chromium";

    public static async Task<(IPlaywright, IBrowser)> LaunchAsync()
    {
        var pw = await Playwright.CreateAsync();
        var browser = await pw.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        return (pw, browser);
    }

    /// <summary>Where screenshots go: tests/output (kept out of git), or a temp folder.</summary>
    public static string ScreenshotPath(string name)
    {
        var dir = Environment.GetEnvironmentVariable("APPROVALCENTER_TEST_OUTPUT") ?? Path.Combine(Path.GetTempPath(), "approvalcenter-screens");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name + ".png");
    }
}
