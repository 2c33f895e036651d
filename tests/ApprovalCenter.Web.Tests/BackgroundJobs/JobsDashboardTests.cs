using System.Net;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Workbench;

namespace ApprovalCenter.Web.Tests.BackgroundJobs;

/// <summary>The Hangfire dashboard behind our Identity cookie.</summary>
public sealed class JobsDashboardTests
{
    private AppFactory _app = null!;
    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task Administrators_act_other_staff_only_look_and_applicants_are_refused()
    {
        using var admin = await _app.SignedInAsync("admin");
        var adminPage = await admin.GetAsync("/Admin/Jobs/recurring");
        Assert.That(adminPage.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var adminHtml = await adminPage.Content.ReadAsStringAsync();
        Assert.That(adminHtml, Does.Contain("mail-dispatcher").And.Contain("timer-reconciler"));
        Assert.That(adminHtml, Does.Contain("recurring/trigger"), "administrators may trigger jobs");

        using var clerk = await _app.SignedInAsync("clerk");
        var clerkPage = await clerk.GetAsync("/Admin/Jobs/recurring");
        Assert.That(clerkPage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "staff may look");
        Assert.That(await clerkPage.Content.ReadAsStringAsync(), Does.Not.Contain("recurring/trigger"), "read-only for other staff");

        using var applicant = await _app.SignedInAsync("company");
        Assert.That((await applicant.GetAsync("/Admin/Jobs")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        using var anonymous = _app.CreateBrowserLikeClient();
        var anon = await anonymous.GetAsync("/Admin/Jobs");
        Assert.That(anon.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(anon.Headers.Location!.ToString(), Does.Contain("/Account/Login"));
    }
}
