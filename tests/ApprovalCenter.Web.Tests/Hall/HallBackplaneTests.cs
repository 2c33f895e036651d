using ApprovalCenter.Hall;
using ApprovalCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>Two app nodes on one database: a call made on node A reaches the displays of node B
/// through PostgreSQL LISTEN/NOTIFY, and a rolled-back operation sends nothing.</summary>
public sealed class HallBackplaneTests
{
    [Test]
    public async Task A_call_on_node_a_reaches_node_b()
    {
        var clock = new TestClock(HallKit.Monday(10));
        await using var a = new AppFactory { Clock = clock };
        _ = a.Services;  // node A migrates and seeds
        await using var b = new AppFactory(a.DatabaseName) { Clock = clock };
        var events = b.Services.GetRequiredService<HallEvents>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!events.Listening && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.That(events.Listening, Is.True, "node B listens");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reader = events.Subscribe(cts.Token);

        var hall = new HallKit(a);
        await HallKit.RefusedAsync(() => hall.RunAsync(h => h.TransferAsync("nowhere", null, null, HallKit.Clerk(1))));  // refused: nothing sent
        var ticket = await hall.KioskAsync("general");
        await hall.RunAsync(h => h.SignInAsync(1, HallKit.Clerk(1)));
        await hall.RunAsync(h => h.CallNextAsync(HallKit.Clerk(1)));

        var received = new List<HallEvent>();
        while (received.All(e => e.Kind != "call"))
        {
            var e = await reader.ReadAsync(cts.Token);
            if (e.Kind != "resync") received.Add(e);
        }
        Assert.That(received.Select(e => e.Kind), Is.EqualTo(new[] { "ticket", "call" }));
        Assert.That(received[^1], Is.EqualTo(new HallEvent("call", ticket.Number, 1, $"请 {ticket.Number} 号到 1 号窗口办理")));
    }
}
