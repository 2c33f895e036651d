using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Notifications;
using ApprovalCenter.Web.Tests.Uploads;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Hangfire;
using Hangfire.Storage;

namespace ApprovalCenter.Web.Tests.Notifications;

/// <summary>A mail server that is always down, to watch the retry and give-up rules.</summary>
public sealed class FailingMailSender : IMailSender
{
    public Task SendAsync(OutboxMail mail, CancellationToken ct) => throw new InvalidOperationException("SMTP 550 mailbox unavailable");
}

public sealed partial class NotificationTests
{
    private AppFactory _app = null!;

    // The scheduler stays off here so that the recurring dispatcher does not race the tests that drive it.
    [OneTimeSetUp] public void Start() => _app = new AppFactory().With("ApprovalCenter:Scheduler:Enabled", "false");
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private async Task<string> UserIdAsync(string userName)
    {
        using var scope = _app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName))!.Id;
    }

    private async Task NotifyAsync(string userName, string title, string body = "正文", string? caseNumber = null)
    {
        var userId = await UserIdAsync(userName);
        using var scope = _app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(userId, title, body, "/My", caseNumber);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
    }

    [Test]
    public async Task The_notifier_stages_inbox_and_outbox_on_the_callers_context()
    {
        var userId = await UserIdAsync("citizen");
        var title = "您的申请已受理 " + Guid.NewGuid().ToString("N")[..6];
        using (var scope = _app.Services.CreateScope())
        {
            var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
            await notifier.NotifyAsync(userId, title, "您申请的建筑工程施工许可已受理，承诺办结时限为5个工作日。", "/My/Cases/QYGX-2026-000001", "QYGX-2026-000001");
            // Nothing is written until the caller saves: the notice commits with the step it reports.
            using (var other = _app.Services.CreateScope())
                Assert.That(await other.ServiceProvider.GetRequiredService<AppDbContext>().Set<Notification>().AnyAsync(n => n.Title == title), Is.False);
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        var notification = await db.Set<Notification>().SingleAsync(n => n.Title == title);
        Assert.That(notification.UserId, Is.EqualTo(userId));
        Assert.That(notification.CaseNumber, Is.EqualTo("QYGX-2026-000001"));
        Assert.That(notification.Link, Is.EqualTo("/My/Cases/QYGX-2026-000001"));
        Assert.That(notification.ReadAt, Is.Null);
        var mail = await db.Set<OutboxMail>().SingleAsync(m => m.Subject == title + "（QYGX-2026-000001）");
        Assert.That(mail.To, Is.EqualTo("citizen@demo.approvalcenter.local"));
        Assert.That(mail.Status, Is.EqualTo(MailStatus.Pending));
        Assert.That(mail.Body, Does.Contain("张三，您好").And.Contain("承诺办结时限为5个工作日").And.Contain("/My/Cases/QYGX-2026-000001"));
    }

    [Test]
    public async Task A_user_without_an_email_address_gets_the_inbox_entry_only()
    {
        string userId;
        using (var scope = _app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "nomail" + Guid.NewGuid().ToString("N")[..6], DisplayName = "李四", Kind = ApplicantKind.Individual };
            Assert.That((await users.CreateAsync(user, IdentitySeeder.DemoPassword)).Succeeded, Is.True);
            userId = user.Id;
        }
        var title = "补正通知 " + Guid.NewGuid().ToString("N")[..6];
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(userId, title, "请补正材料。");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }
        using var check = _app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.That(await db.Set<Notification>().CountAsync(n => n.Title == title), Is.EqualTo(1));
        Assert.That(await db.Set<OutboxMail>().CountAsync(m => m.Subject == title), Is.Zero);
    }

    [Test]
    public async Task The_dispatcher_writes_an_eml_into_the_mail_folder_and_marks_it_sent()
    {
        var title = "准予许可决定 " + Guid.NewGuid().ToString("N")[..6];
        await NotifyAsync("company", title, "您的申请已准予许可，请到统一出件窗口领取。");
        using var scope = _app.Services.CreateScope();
        var dispatcher = ActivatorUtilities.CreateInstance<MailDispatcher>(scope.ServiceProvider);
        Assert.That(await dispatcher.DispatchAsync(default), Is.GreaterThanOrEqualTo(1));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mail = await db.Set<OutboxMail>().AsNoTracking().SingleAsync(m => m.Subject == title);
        Assert.That(mail.Status, Is.EqualTo(MailStatus.Sent));
        Assert.That(mail.SentAt, Is.Not.Null);
        Assert.That(mail.Attempts, Is.EqualTo(1));

        var folder = Path.Combine(_app.DataDirectory, "mail");
        var files = Directory.GetFiles(folder, "*.eml");
        var ours = files.Where(f => File.ReadAllText(f).Contains("company@demo.approvalcenter.local")).ToList();
        Assert.That(ours, Is.Not.Empty, $"an .eml for company in {folder}");
        var eml = await File.ReadAllTextAsync(ours[0]);
        Assert.That(eml, Does.Contain("Subject: =?utf-8?").IgnoreCase, "the Chinese subject is MIME-encoded");
        var parsed = await MimeKit.MimeMessage.LoadAsync(ours[0]);
        Assert.That(parsed.Subject, Is.EqualTo(title), "a mail client reads the subject back");
        Assert.That(parsed.From.Mailboxes.Single().Name, Is.EqualTo("清远高新区行政审批局"));
        Assert.That(parsed.TextBody, Does.Contain("您的申请已准予许可，请到统一出件窗口领取。"));

        Assert.That(await dispatcher.DispatchAsync(default), Is.Zero, "a sent mail is not sent again");
        Assert.That(Directory.GetFiles(folder, "*.eml"), Has.Length.EqualTo(files.Length));
    }

    [Test]
    public async Task Failed_sends_back_off_and_are_given_up_after_the_last_attempt_keeping_the_error()
    {
        await using var app = new FailingMailAppFactory();
        string userId;
        using (var scope = app.Services.CreateScope())
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync("citizen"))!.Id;
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync(userId, "不予许可决定", "正文");
            await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        }

        async Task<OutboxMail> DispatchOnceAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // Pretend the back-off has passed.
            await db.Set<OutboxMail>().Where(m => m.Status == MailStatus.Pending).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
            Assert.That(await ActivatorUtilities.CreateInstance<MailDispatcher>(scope.ServiceProvider).DispatchAsync(default), Is.Zero);
            return await db.Set<OutboxMail>().AsNoTracking().SingleAsync();
        }

        var started = DateTimeOffset.UtcNow;
        var first = await DispatchOnceAsync();
        Assert.That(first.Status, Is.EqualTo(MailStatus.Pending));
        Assert.That(first.Attempts, Is.EqualTo(1));
        Assert.That(first.LastError, Does.Contain("SMTP 550"));
        Assert.That(first.NextAttemptAt, Is.EqualTo(started + MailDispatcher.BackOff(1)).Within(TimeSpan.FromSeconds(10)));
        Assert.That(MailDispatcher.BackOff(2), Is.GreaterThan(MailDispatcher.BackOff(1)));

        var second = await DispatchOnceAsync();
        Assert.That(second.Attempts, Is.EqualTo(2));
        Assert.That(second.Status, Is.EqualTo(MailStatus.Pending));
        var last = await DispatchOnceAsync();
        Assert.That(last.Attempts, Is.EqualTo(3));
        Assert.That(last.Status, Is.EqualTo(MailStatus.Failed), "given up after MaxAttempts (3 here)");
        Assert.That(last.LastError, Does.Contain("SMTP 550"));
        Assert.That(await DispatchOnceAsync(), Has.Property(nameof(OutboxMail.Attempts)).EqualTo(3), "a given-up mail is left alone");
    }

    [Test]
    public async Task The_inbox_page_lists_newest_first_with_the_unread_badge_and_mark_all_read_clears_it()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("reviewer.hb", IdentitySeeder.DemoPassword);
        Assert.That(await client.GetStringAsync("/Inbox"), Does.Contain("暂无消息").And.Not.Contain("data-testid=\"unread-count\""));

        await NotifyAsync("reviewer.hb", "较早的消息", "第一条");
        await NotifyAsync("reviewer.hb", "新的待审件", "环评审批件 QYGX-2026-000042 已分派给您。", "QYGX-2026-000042");

        var html = await client.GetStringAsync("/Inbox");
        Assert.That(Badge().Match(html).Groups[1].Value, Is.EqualTo("2"));
        Assert.That(html.IndexOf("新的待审件", StringComparison.Ordinal), Is.LessThan(html.IndexOf("较早的消息", StringComparison.Ordinal)), "newest first");
        Assert.That(Regex.Matches(html, "class=\"unread\"").Count, Is.EqualTo(2));
        Assert.That(html, Does.Contain("QYGX-2026-000042"));
        // The badge is in the layout, so it shows on every page.
        Assert.That(Badge().Match(await client.GetStringAsync("/Staff/Review")).Groups[1].Value, Is.EqualTo("2"));

        var token = await client.AntiforgeryTokenAsync();
        var post = await client.PostAsync("/Inbox?handler=MarkAllRead", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        html = await client.GetStringAsync("/Inbox");
        Assert.That(html, Does.Not.Contain("data-testid=\"unread-count\""));
        Assert.That(Regex.Matches(html, "class=\"read\"").Count, Is.EqualTo(2));
        Assert.That(html, Does.Not.Contain("class=\"unread\""));
    }

    [Test]
    public async Task Mark_all_read_without_the_antiforgery_token_is_refused()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("reviewer.zj", IdentitySeeder.DemoPassword);
        await NotifyAsync("reviewer.zj", "待审件");
        var post = await client.PostAsync("/Inbox?handler=MarkAllRead", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Badge().Match(await client.GetStringAsync("/Inbox")).Groups[1].Value, Is.EqualTo("1"));
    }

    [Test]
    public async Task The_api_returns_only_the_signed_in_users_notifications()
    {
        await NotifyAsync("supervisor", "督办提醒", "有 3 件即将超期。");
        await NotifyAsync("head", "延期申请待批");
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        var list = (await client.GetFromJsonAsync<NotificationList>("/api/v1/notifications"))!;
        Assert.That(list.Items.Select(i => i.Title), Is.EqualTo(new[] { "督办提醒" }));
        Assert.That(list.UnreadCount, Is.EqualTo(1));
        Assert.That(list.Items[0].Body, Is.EqualTo("有 3 件即将超期。"));

        using var anonymous = _app.CreateBrowserLikeClient();
        Assert.That((await anonymous.GetAsync("/api/v1/notifications")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That((await anonymous.GetAsync("/Inbox")).StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the inbox page asks anonymous visitors to sign in");
    }

    [Test]
    public async Task The_dispatcher_runs_as_a_recurring_hangfire_job_every_30_seconds()
    {
        await using var app = new AppFactory();   // scheduler on
        using var _ = app.CreateClient();
        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetRecurringJobs().SingleOrDefault(j => j.Id == MailDispatcher.RecurringId);
        Assert.That(job, Is.Not.Null, "registered at start-up");
        Assert.That(job!.Cron, Is.EqualTo("*/30 * * * * *"));
        Assert.That(job.Job.Type, Is.EqualTo(typeof(MailDispatcher)));
        Assert.That(job.Job.Method.Name, Is.EqualTo(nameof(MailDispatcher.DispatchAsync)));
    }

    [GeneratedRegex("data-testid=\"unread-count\"[^>]*>([^<]+)<")]
    private static partial Regex Badge();
}

public sealed class FailingMailAppFactory : AppFactory
{
    public FailingMailAppFactory()
    {
        With("ApprovalCenter:Scheduler:Enabled", "false");
        With("ApprovalCenter:Mail:MaxAttempts", "3");
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IMailSender, FailingMailSender>());
    }
}
