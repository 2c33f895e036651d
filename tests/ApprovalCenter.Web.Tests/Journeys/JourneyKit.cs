using System.Diagnostics;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Tests.Portal;
using Microsoft.Playwright;

namespace ApprovalCenter.Web.Tests.Journeys;

/// <summary>The steps the journeys share, each played as its real role through the real pages.</summary>
public static class JourneyKit
{
    /// <summary>A business Monday after the real date: no deadline timer fires while a journey runs.</summary>
    public static DateTimeOffset Monday => TestClock.China(2026, 12, 7);

    public static Task SignInAsync(BrowserSession b, string user) => b.SignInAsync(user, IdentitySeeder.DemoPassword);

    /// <summary>The company applies through the portal: guide → task list → sections → check answers →
    /// confirmation. Materials at the indexes in <paramref name="leaveOut"/> are not uploaded.
    /// Returns the case number shown on the confirmation page.</summary>
    public static async Task<string> ApplyAsync(BrowserSession b, string itemCode, string mode = "Normal", int[]? leaveOut = null, string[]? involves = null)
    {
        var page = b.Page;
        await SignInAsync(b, "company");
        await PortalBrowserSteps.StartDraftAsync(page, $"{b.BaseUrl}/Guide/{itemCode}");

        await PortalBrowserSteps.FillApplicantAndProjectAsync(page);

        await page.GetByTestId("task-Mode").Locator("a").ClickAsync();
        await page.CheckAsync($"#mode-{mode}");
        foreach (var key in involves ?? []) await page.CheckAsync($"#involves-{key}");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Mode")).ToHaveTextAsync("已完成");

        await page.GetByTestId("task-Materials").Locator("a").ClickAsync();
        var inputs = page.Locator("input[type=file]");
        var count = await inputs.CountAsync();
        Assert.That(count, Is.GreaterThan(0));
        for (var i = 0; i < count; i++)
        {
            if (leaveOut?.Contains(i) == true) continue;
            await inputs.Nth(i).SetInputFilesAsync(new FilePayload { Name = $"材料{i + 1}.pdf", MimeType = "application/pdf", Buffer = PortalKit.Pdf($"m{i}") });
        }
        await page.GetByTestId("upload").ClickAsync();

        await page.GetByTestId("task-Declaration").Locator("a").ClickAsync();
        await page.CheckAsync("#agree");
        await page.ClickAsync("main button[type=submit]");
        await Assertions.Expect(page.GetByTestId("status-Declaration")).ToHaveTextAsync("已完成");

        await page.GetByTestId("to-check").ClickAsync();
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/My/Cases/QYGX-\d{4}-\d{6}/Submitted$"));
        return (await page.GetByTestId("case-number").InnerTextAsync()).Trim();
    }

    /// <summary>Signs in as <paramref name="user"/>, opens the staff case page and submits one action
    /// form, after <paramref name="fill"/> has filled it. Asserts the page confirms the action.</summary>
    public static async Task ActAsync(BrowserSession b, string user, string number, string action, Func<ILocator, Task>? fill = null)
    {
        await SignInAsync(b, user);
        await b.GoAsync($"/Staff/Cases/{number}");
        var form = b.Page.Locator($"form[data-action='{action}']");
        await Assertions.Expect(form).ToBeVisibleAsync();
        if (fill is not null) await fill(form);
        await form.GetByTestId($"act-{action}").ClickAsync();
        await Assertions.Expect(b.Page.GetByTestId("done")).ToBeVisibleAsync();
    }

    /// <summary>The clerk hands the result over at the unified pick-up window to the applicant's agent.</summary>
    public static async Task HandOverAsync(BrowserSession b, string number)
    {
        var page = b.Page;
        await SignInAsync(b, "clerk");
        await b.GoAsync($"/Staff/Pickup/{number}");
        await Assertions.Expect(page.GetByTestId("pickup-queue")).ToContainTextAsync(number);
        await page.CheckAsync("input[name='Input.Method'][value='窗口领取']");
        await page.FillAsync("#Input_CollectorName", "张三");
        await page.FillAsync("#Input_CollectorIdNumber", "441802199001011239");
        await page.CheckAsync("input[name='Input.Relation'][value='agent']");
        await page.ClickAsync("[data-testid='handover']");
        await Assertions.Expect(page.GetByTestId("delivered")).ToContainTextAsync(number);
    }

    /// <summary>Fetches a document link as the signed-in user (the browser's cookies).</summary>
    public static async Task<(string ContentType, byte[] Body)> DownloadAsync(BrowserSession b, ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("link without href");
        var response = await b.Page.Context.APIRequest.GetAsync(b.BaseUrl + href);
        Assert.That(response.Status, Is.EqualTo(200), href);
        return (response.Headers["content-type"], await response.BodyAsync());
    }

    /// <summary>The text of a PDF as poppler's pdftotext reads it.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"journey-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var psi = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-layout", "-enc", "UTF-8", file, "-" }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var text = await p.StandardOutput.ReadToEndAsync();
            var err = await p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.That(p.ExitCode, Is.EqualTo(0), err);
            return text;
        }
        finally { File.Delete(file); }
    }
}
