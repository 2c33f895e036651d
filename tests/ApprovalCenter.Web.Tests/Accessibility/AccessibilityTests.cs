using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Accessibility;

/// <summary>
/// Every page each role reaches, at a phone's 360 px and a hall TV's 1920 px: no serious or critical axe-core
/// violation, and nothing wider than the screen (a page that scrolls sideways on a phone is broken for its user).
/// New pages join by adding their path here.
/// </summary>
[NonParallelizable]
public class AccessibilityTests
{
    public static readonly (string? User, string[] Paths)[] PagesByRole =
    [
        (null, ["/", "/Guide", "/Guide/ZJ-001", "/Account/Login", "/Account/Register", "/verify/NOSUCHCODE", "/Indicators", "/Hall/Kiosk", "/Hall/Display"]),
        ("company", ["/My", "/Inbox", "/Account/Manage", "/My/Unresolved", "/My/Unresolved/New", "/Hall/Appointments", "/Guide/ZJ-001/Exemption"]),
        ("clerk", ["/Staff/Window", "/Staff/Pickup", "/Windows/Unresolved", "/Windows/Unresolved/New", "/Ratings", "/Hall/Counter"]),
        ("reviewer.zj", ["/Staff/Review"]),
        ("supervisor", ["/Supervision", "/Supervision/Compression", "/Supervision/PromisedLimitRequests", "/Windows/Unresolved/Report", "/Supervision/Deadlines", "/Supervision/Ratings", "/Supervision/WorkOrders", "/Supervision/Appeals", "/Supervision/Cases", "/Supervision/Report", "/Hall/Reports"]),
        ("admin", ["/Admin", "/Admin/Calendar", "/Admin/Catalog", "/Admin/Authorisations", "/Admin/Clock", "/Admin/Incidents", "/Admin/Processes", "/Admin/Licences", "/Admin/Staff", "/Admin/ServiceHours", "/Admin/Exemptions", "/Admin/Exemptions/EX-ZJ-SMALL-WORKS"]),
    ];

    // The outermost elements reaching past the right edge, to say what to fix.
    private const string WidestElements = @"() => [...document.querySelectorAll('main *')]
        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
        .slice(0, 4).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '')).join(', ')";

    [TestCase(360, 780)]
    [TestCase(1920, 1080)]
    public async Task Every_page_passes_axe_and_fits_the_screen(int width, int height)
    {
        await using var b = await BrowserSession.StartAsync(width: width, height: height);
        var problems = new List<string>();
        foreach (var (user, paths) in PagesByRole)
        {
            if (user is not null) await b.SignInAsync(user, IdentitySeeder.DemoPassword);
            foreach (var path in paths)
            {
                var response = await b.GoAsync(path);
                if (response is null || response.Status >= 500) { problems.Add($"{path}: HTTP {response?.Status}"); continue; }
                foreach (var v in await Axe.SeriousViolationsAsync(b.Page)) problems.Add($"{user ?? "anonymous"} {path}: {v}");
                var overflow = await b.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                if (overflow > 1)
                    problems.Add($"{user ?? "anonymous"} {path}: {overflow}px wider than the {width}px screen, at " + await b.Page.EvaluateAsync<string>(WidestElements));
            }
        }
        await b.ScreenshotAsync($"a11y-last-page-{width}");
        Assert.That(problems, Is.Empty, string.Join("\n", problems));
    }
}
