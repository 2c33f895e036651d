using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.Journeys;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Cases;

/// <summary>
/// ALL Art. 50 end to end on PostgreSQL with the movable business clock: a gas-operation licence
/// (ZJ-012) valid 2021-12-01 to 2026-11-30 is renewed under ZJ-013. The last day to apply is
/// 2026-10-31; undecided, it is deemed renewed at 2026-12-01 00:00 China time, until 2031-11-30.
/// </summary>
public sealed class RenewalIntegrationTests
{
    private const string LicenceNumber = "QYGX-2021-000417-ZZ";

    private static async Task SeedLicenceAsync(AppFactory app, CaseTestKit kit)
    {
        var holder = await kit.ActorAsync("company");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Add(new Licence
        {
            Id = Guid.NewGuid(), Number = LicenceNumber, HolderId = holder.UserId, HolderName = holder.UserName, ItemCode = "ZJ-012",
            ValidFrom = new DateOnly(2021, 12, 1), ValidUntil = new DateOnly(2026, 11, 30), UpdatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    private static async Task<Licence> LicenceAsync(AppFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Licence>().AsNoTracking().SingleAsync(l => l.Number == LicenceNumber);
    }

    private static async Task<ScheduledTimer?> RenewalTimerAsync(AppFactory app, string number)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ScheduledTimer>().AsNoTracking()
            .SingleOrDefaultAsync(t => t.Key == CaseService.RenewalTimerKey(number));
    }

    [Test]
    public async Task ALL_Art_50_a_renewal_applied_for_less_than_30_days_before_the_expiry_is_refused_with_the_last_day_named()
    {
        var clock = new TestClock(TestClock.China(2026, 11, 2, 10));   // 28 days before Nov 30
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        await SeedLicenceAsync(app, kit);
        var e = await Assert.ThrowsAsync<CaseException>(() => kit.SubmitAsync("company", "ZJ-013", renewsLicence: LicenceNumber));
        Assert.That((e!.Status, e.Field), Is.EqualTo((400, "renewsLicence")));
        Assert.That(e.Errors[0].Message, Does.Contain("届满三十日前").And.Contain("最迟应于2026年10月31日"));
        var other = await Assert.ThrowsAsync<CaseException>(() => kit.SubmitAsync("citizen", "ZJ-013", renewsLicence: LicenceNumber));
        Assert.That(other!.Errors[0].Message, Does.Contain("未找到您名下"), "only the holder may renew it");
        Assert.That((await LicenceAsync(app)).RenewalCaseNumber, Is.Null);
    }

    [Test]
    public async Task ALL_Art_50_a_renewal_undecided_at_the_expiry_is_deemed_renewed_by_the_timer_with_a_sealed_notice()
    {
        var clock = new TestClock(TestClock.China(2026, 10, 26, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        await SeedLicenceAsync(app, kit);
        var c = await kit.SubmitAsync("company", "ZJ-013", renewsLicence: LicenceNumber);
        Assert.That(c.ProcessId, Is.EqualTo(CaseService.RenewalProcess));
        Assert.That((await RenewalTimerAsync(app, c.Number))!.DueAt, Is.EqualTo(TestClock.China(2026, 12, 1, 0)));
        Assert.That(async () => await kit.SubmitAsync("company", "ZJ-013", renewsLicence: LicenceNumber), Throws.TypeOf<CaseException>(), "one renewal at a time");
        await kit.ActAsync(c.Number, "clerk", "accept");
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "需进一步核实" });

        clock.Set(TestClock.China(2026, 12, 1, 0, 1));
        var done = await kit.WaitForAsync(c.Number, r => r.Status == CaseStatus.Completed);
        Assert.That((done.Status, done.Outcome), Is.EqualTo((CaseStatus.Completed, "deemed-renewed")), "nobody acted: the timer renewed it");
        var licence = await LicenceAsync(app);
        Assert.That((licence.Status, licence.ValidFrom, licence.ValidUntil, licence.RenewalCaseNumber),
            Is.EqualTo((LicenceStatus.DeemedRenewed, new DateOnly(2026, 12, 1), new DateOnly(2031, 11, 30), (string?)null)));
        var (_, _, caseClock) = await kit.GetAsync(c.Number);
        Assert.That(caseClock.DecidedOn, Is.EqualTo(new DateOnly(2026, 11, 30)), "deemed decided at the expiry");
        var journal = await kit.JournalAsync(c.Number);
        Assert.That(journal.Single(j => j.Action == "timer:renewal").Summary, Does.Contain("视为准予延续").And.Contain("2031-11-30"));
        var notice = (await app.DocumentsAsync(c.Number)).Single(d => d.Kind == DocumentKind.DeemedRenewalNotice);
        var text = await JourneyKit.PdfTextAsync(notice.Pdf);
        Assert.That(text, Does.Contain("视为准予延续").And.Contain("第五十条"));
    }

    [Test]
    public async Task ALL_Art_50_a_renewal_approved_before_the_expiry_renews_the_term_and_cancels_the_deemed_renewal()
    {
        var clock = new TestClock(TestClock.China(2026, 10, 26, 9));
        await using var app = new AppFactory { Clock = clock };
        var kit = new CaseTestKit(app.Services);
        await SeedLicenceAsync(app, kit);
        var c = await kit.SubmitAsync("company", "ZJ-013", renewsLicence: LicenceNumber);
        await kit.ActAsync(c.Number, "clerk", "accept");
        await kit.ActAsync(c.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合延续条件" });
        await kit.ActAsync(c.Number, "chief.zj", "approve");
        var licence = await LicenceAsync(app);
        Assert.That((licence.Status, licence.ValidUntil, licence.RenewalCaseNumber), Is.EqualTo((LicenceStatus.Renewed, new DateOnly(2031, 11, 30), (string?)null)));
        Assert.That((await RenewalTimerAsync(app, c.Number))!.Status, Is.EqualTo(TimerStatus.Cancelled));
    }
}
