using System.Collections.Concurrent;
using ApprovalCenter.Hall;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>Issue 11: 20 counters call "next" at once on one queue of 200 tickets. Every ticket is
/// called exactly once (FOR UPDATE SKIP LOCKED): none twice, none left behind.</summary>
public sealed class CallNextConcurrencyTests
{
    [Test]
    public async Task Twenty_counters_calling_at_once_call_each_of_200_tickets_exactly_once()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock }.With("ApprovalCenter:Scheduler:Enabled", "false");
        var hall = new HallKit(app);
        await hall.DbAsync(async db =>
        {
            for (var i = 101; i <= 120; i++) db.Add(new HallCounter { Id = i, Name = $"{i} 号窗口", Hours = HoursKind.Normal, ServiceIds = ["general"] });
            return await db.SaveChangesAsync();
        });
        for (var i = 0; i < 200; i++) await hall.KioskAsync("general");
        for (var i = 1; i <= 20; i++) { var c = i; await hall.RunAsync(h => h.SignInAsync(100 + c, HallKit.Clerk(c))); }

        var called = new ConcurrentBag<(int Clerk, string Number)>();
        var start = new TaskCompletionSource();
        var workers = Enumerable.Range(1, 20).Select(c => Task.Run(async () =>
        {
            await start.Task;
            while (true)
            {
                HallTicket t;
                try { t = await hall.RunAsync(h => h.CallNextAsync(HallKit.Clerk(c))); }
                catch (HallException e) when (e.Status == 404) { return; }
                called.Add((c, t.Number));
                await hall.RunAsync(h => h.EndAsync(HallKit.Clerk(c)));
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(workers);

        var numbers = called.Select(x => x.Number).ToList();
        Assert.That(numbers, Has.Count.EqualTo(200));
        Assert.That(numbers.Distinct().Count(), Is.EqualTo(200), "no ticket called twice");
        Assert.That(called.Select(x => x.Clerk).Distinct().Count(), Is.GreaterThan(1), "the calls really were spread over counters");
        var stats = await hall.DbAsync(async db => new
        {
            Calls = await db.Set<HallCall>().CountAsync(),
            DistinctCalls = await db.Set<HallCall>().Select(c => c.TicketNumber).Distinct().CountAsync(),
            Done = await db.Set<HallTicket>().CountAsync(t => t.Status == TicketStatus.Done),
            Legs = await db.Set<VisitLeg>().CountAsync(l => l.CalledAt != null),
        });
        Assert.That((stats.Calls, stats.DistinctCalls, stats.Done, stats.Legs), Is.EqualTo((200, 200, 200, 200)));
    }
}
