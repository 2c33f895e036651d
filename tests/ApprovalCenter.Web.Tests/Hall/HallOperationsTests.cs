using ApprovalCenter.Hall;
using ApprovalCenter.Testing;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>Tickets, counters and outcomes on real PostgreSQL (issue 11 items 2–3, 6).</summary>
public sealed class HallOperationsTests
{
    [Test]
    public async Task A_closed_service_refuses_a_ticket_with_the_next_opening_time()
    {
        var clock = new TestClock(HallKit.Monday(20));  // 20:00: after the after-hours window
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var e = (await HallKit.RefusedAsync(() => hall.KioskAsync("general")));
        Assert.That(e.Status, Is.EqualTo(422));
        Assert.That(e.Message, Does.Contain("综合受理").And.Contain("下次服务时间：2026-12-08（星期二）09:00"));
        // Utilities has no after-hours counter: at 12:30 it is closed until 14:00, while 综合受理 is served by 延时服务.
        clock.Set(HallKit.Monday(12, 30));
        var utilities = (await HallKit.RefusedAsync(() => hall.KioskAsync("utilities")));
        Assert.That(utilities.Message, Does.Contain("2026-12-07（星期一）14:00"));
        var general = await hall.KioskAsync("general");
        Assert.That(general.IssuedIn, Is.EqualTo(HoursKind.AfterHours));
        Assert.That((await HallKit.RefusedAsync(() => hall.KioskAsync("nonexistent"))).Status, Is.EqualTo(404));
    }

    [Test]
    public async Task Saturday_service_takes_tickets_at_its_own_counter_only()
    {
        var clock = new TestClock(HallKit.Saturday(10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var t = await hall.KioskAsync("utilities");
        Assert.That((t.Number, t.IssuedIn), Is.EqualTo(("C001", HoursKind.Saturday)));
        await hall.RunAsync(h => h.SignInAsync(1, HallKit.Clerk(1)));
        var normal = (await HallKit.RefusedAsync(() => hall.RunAsync(h => h.CallNextAsync(HallKit.Clerk(1)))));
        Assert.That(normal.Message, Is.EqualTo("队列中没有等候的号。"), "counter 1 does not serve utilities");
        await hall.RunAsync(h => h.SignInAsync(8, HallKit.Clerk(2)));
        var called = await hall.RunAsync(h => h.CallNextAsync(HallKit.Clerk(2)));
        Assert.That(called.Number, Is.EqualTo("C001"));
        clock.Set(HallKit.Saturday(17));
        Assert.That((await HallKit.RefusedAsync(() => hall.KioskAsync("utilities"))).Message, Does.Contain("2026-12-14（星期一）09:00"));
    }

    [Test]
    public async Task Call_recall_no_show_transfer_park_and_end_record_legs_and_journal()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var clerk = HallKit.Clerk(1);
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.CallNextAsync(clerk)))).Message, Is.EqualTo("请先登录一个窗口。"));
        await hall.RunAsync(h => h.SignInAsync(1, clerk));
        var other = (await HallKit.RefusedAsync(() => hall.RunAsync(h => h.SignInAsync(1, HallKit.Clerk(2)))));
        Assert.That(other.Status, Is.EqualTo(409), "one clerk per counter");
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.CallNextAsync(clerk)))).Message, Is.EqualTo("队列中没有等候的号。"));

        var a1 = await hall.KioskAsync("general");
        var a2 = await hall.KioskAsync("general");
        clock.Set(HallKit.Monday(10, 5));
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(clerk))).Number, Is.EqualTo(a1.Number));
        var early = (await HallKit.RefusedAsync(() => hall.RunAsync(h => h.NoShowAsync(clerk))));
        Assert.That(early.Message, Does.Contain("请先重呼 2 次"));
        await hall.RunAsync(h => h.RecallAsync(clerk));
        await hall.RunAsync(h => h.RecallAsync(clerk));
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.RecallAsync(clerk)))).Message, Does.Contain("可登记为过号"));
        await hall.RunAsync(h => h.NoShowAsync(clerk));

        clock.Set(HallKit.Monday(10, 10));
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(clerk))).Number, Is.EqualTo(a2.Number));
        await hall.RunAsync(h => h.StartAsync(clerk));
        var unknown = (await HallKit.RefusedAsync(() => hall.RunAsync(h => h.TransferAsync("no-such-queue", null, null, clerk))));
        Assert.That((unknown.Status, unknown.Field), Is.EqualTo((400, "toQueue")));
        clock.Set(HallKit.Monday(10, 20));
        await hall.RunAsync(h => h.TransferAsync("business-startup", null, "需办理企业开办", clerk));

        // Counter 3 serves business-startup first.
        var clerk3 = HallKit.Clerk(3);
        await hall.RunAsync(h => h.SignInAsync(3, clerk3));
        clock.Set(HallKit.Monday(10, 30));
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(clerk3))).Number, Is.EqualTo(a2.Number));
        await hall.RunAsync(h => h.ParkAsync("等候补充材料", clerk3));
        clock.Set(HallKit.Monday(10, 40));
        await hall.RunAsync(h => h.CallChosenAsync(a2.Number, clerk3));
        clock.Set(HallKit.Monday(10, 55));
        await hall.RunAsync(h => h.EndAsync(clerk3));

        var legs1 = await hall.RunAsync(h => h.LegsAsync(a1.Id));
        Assert.That(legs1.Select(l => l.Outcome), Is.EqualTo(new LegOutcome?[] { LegOutcome.NoShow }));
        var legs = await hall.RunAsync(h => h.LegsAsync(a2.Id));
        Assert.That(legs.Select(l => l.Outcome), Is.EqualTo(new LegOutcome?[] { LegOutcome.Transferred, LegOutcome.Parked, LegOutcome.Served }));
        Assert.That(legs[0].Wait, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(legs[0].ServiceTime, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(legs[0].Note, Is.EqualTo("需办理企业开办"));
        Assert.That(legs[1].Wait, Is.EqualTo(TimeSpan.FromMinutes(10)), "the transfer waited 10:20 → 10:30");
        Assert.That(legs[2].ServiceTime, Is.EqualTo(TimeSpan.FromMinutes(15)));
        Assert.That(legs.Select(l => l.Id).Distinct().Count(), Is.EqualTo(3), "every leg has its own stable id");
        var journal = await hall.RunAsync(h => h.JournalAsync(a2.Id));
        Assert.That(journal.Select(j => j.Action), Is.EqualTo(new[] { "issue", "call", "start", "transfer", "call", "park", "call-chosen", "end" }));
        Assert.That(journal.All(j => j.Actor.Length > 0), Is.True);
        var calls = await hall.DbAsync(db => db.Set<HallCall>().OrderBy(c => c.Id).Select(c => c.Text).ToListAsync());
        Assert.That(calls[0], Is.EqualTo($"请 {a1.Number} 号到 1 号窗口办理"));
        Assert.That(calls, Has.Count.EqualTo(6), "call, 2 recalls, call, call at 3, call-chosen");
    }

    [Test]
    public async Task A_checked_in_appointment_is_called_before_the_walk_ins_of_its_slot()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 4, 10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var citizen = await hall.DbAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        var slot = HallKit.Monday(10);
        var booked = await hall.AppointmentsAsync(a => a.BookAsync(citizen, "general", slot));
        var outside = (await HallKit.RefusedAsync(() => hall.AppointmentsAsync(a => a.BookAsync(citizen, "utilities", HallKit.Monday(12, 30)))));
        Assert.That(outside.Message, Does.Contain("不在“水电气”的服务时间内").And.Contain("可预约：2026-12-07（星期一）14:00"));
        var inbox = await hall.DbAsync(db => db.Set<ApprovalCenter.Notifications.Notification>().Where(n => n.UserId == citizen).Select(n => n.Title).ToListAsync());
        Assert.That(inbox, Does.Contain("预约成功"));

        clock.Set(HallKit.Monday(10, 2));
        var walkIn = await hall.KioskAsync("general");
        clock.Set(HallKit.Monday(10, 5));
        var checkedIn = await hall.AppointmentsAsync(a => a.CheckInAsync(booked.Code));
        Assert.That(checkedIn.Source, Is.EqualTo(TicketSource.Appointment));
        Assert.That(await hall.RunAsync(h => h.PeopleAheadAsync(checkedIn)), Is.Zero);
        await hall.RunAsync(h => h.SignInAsync(2, HallKit.Clerk(1)));
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(HallKit.Clerk(1)))).Number, Is.EqualTo(checkedIn.Number), $"before walk-in {walkIn.Number}");
        Assert.That((await HallKit.RefusedAsync(() => hall.AppointmentsAsync(a => a.CheckInAsync(booked.Code)))).Status, Is.EqualTo(404), "checked in once");
    }

    [Test]
    public async Task Three_no_shows_block_online_booking()
    {
        var clock = new TestClock(TestClock.China(2026, 12, 1, 10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var citizen = await hall.DbAsync(db => db.Users.Where(u => u.UserName == "citizen").Select(u => u.Id).SingleAsync());
        foreach (var day in new[] { 2, 3, 4 })
            await hall.AppointmentsAsync(a => a.BookAsync(citizen, "general", TestClock.China(2026, 12, day, 10)));
        clock.Set(TestClock.China(2026, 12, 5, 10));
        await hall.AppointmentsAsync(async a => { await a.SendRemindersAsync(default); return 0; });  // records the three as no-shows
        var refused = (await HallKit.RefusedAsync(() => hall.AppointmentsAsync(a => a.BookAsync(citizen, "general", HallKit.Monday(10)))));
        Assert.That(refused.Message, Does.Contain("网上预约暂停至 2027-01-03"));
    }

    [Test]
    public async Task Work_profiles_order_call_next_and_transfers_to_a_counter_and_walk_ins_stay_at_their_counter()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var app = new AppFactory { Clock = clock };
        var hall = new HallKit(app);
        var admin = new HallActor("admin", "管理员");
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.SetWorkProfileAsync("clerk", ["nowhere"], admin)))).Field, Is.EqualTo("queues"));
        await hall.RunAsync(h => h.SetWorkProfileAsync("clerk", ["utilities", "general", "pickup"], admin));
        var clerkId = await hall.DbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync());
        var clerk = new HallActor(clerkId, "李窗口");

        var general = await hall.KioskAsync("general");
        clock.Set(HallKit.Monday(10, 5));
        var utilities = await hall.KioskAsync("utilities");
        await hall.RunAsync(h => h.SignInAsync(4, clerk));  // counter 4 serves utilities and general
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(clerk))).Number, Is.EqualTo(utilities.Number), "the profile puts utilities first");
        // Transfer to counter 4 itself via another counter: only counter 4 may call it.
        await hall.RunAsync(h => h.TransferAsync(null, 1, "请到 1 号窗口", clerk));
        var other = HallKit.Clerk(9);
        await hall.RunAsync(h => h.SignInAsync(2, other));
        Assert.That((await hall.RunAsync(h => h.CallNextAsync(other))).Number, Is.EqualTo(general.Number), "counter 2 skips the ticket sent to counter 1");
        await hall.RunAsync(h => h.EndAsync(other));
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.CallNextAsync(other)))).Status, Is.EqualTo(404));
        var clerk1 = HallKit.Clerk(8);
        await hall.RunAsync(h => h.SignInAsync(1, clerk1));
        var transferred = await hall.RunAsync(h => h.CallNextAsync(clerk1));
        Assert.That((transferred.Number, transferred.ServiceId), Is.EqualTo((utilities.Number, "general")), "counter 1 does not serve utilities: the ticket moved to its first service");
        await hall.RunAsync(h => h.EndAsync(clerk1));

        var walkIn = await hall.RunAsync(h => h.WalkInAsync("consultation", "441802199001011239", clerk1));
        Assert.That((walkIn.Source, walkIn.Status, walkIn.CounterId, walkIn.IdNumber), Is.EqualTo((TicketSource.WalkIn, TicketStatus.Serving, 1, "441802199001011239")));
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.WalkInAsync("pickup", null, clerk)))).Message, Is.EqualTo("4 号窗口不办理该业务。"));
        Assert.That((await HallKit.RefusedAsync(() => hall.RunAsync(h => h.WalkInAsync("consultation", null, clerk1)))).Message, Does.StartWith("请先结束"));
    }
}
