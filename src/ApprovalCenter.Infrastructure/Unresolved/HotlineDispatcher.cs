using ApprovalCenter.Calendar;
using ApprovalCenter.Clock;
using ApprovalCenter.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Unresolved;

/// <summary>Delivers pending 12345 hand-offs. A recurring Hangfire job (and enqueued right after a
/// dispatch, so the hand-off usually leaves within a second). Each row is claimed with a
/// conditional UPDATE (a lease), so two nodes never send one hand-off at the same time; a crash
/// after sending means it is sent again (the Idempotency-Key lets the platform drop the copy).
/// A platform that is down is retried with back-off for ever: the hand-off stays pending and is
/// shown so on the matter page, never lost.</summary>
public sealed class HotlineDispatcher(AppDbContext db, IHotlineGateway gateway, BusinessClock clock, ILogger<HotlineDispatcher> log)
{
    public const string RecurringId = "unresolved-hotline-dispatcher";
    public const string Cron = "*/30 * * * * *";
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private const int BatchSize = 50;

    /// <summary>30 s, 1 min, 2 min … at most 1 hour.</summary>
    public static TimeSpan BackOff(int attempts) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Sends what is due; returns how many were delivered.</summary>
    [AutomaticRetry(Attempts = 0)]   // each row keeps its own back-off; the next round is the retry
    public async Task<int> DispatchAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<HotlineHandOff>().AsNoTracking()
            .Where(h => h.Status == HandOffStatus.Pending && h.NextAttemptAt <= now)
            .OrderBy(h => h.NextAttemptAt).ThenBy(h => h.Id).Take(BatchSize)
            .Select(h => new { h.Id, h.Attempts }).ToListAsync(ct);
        var sent = 0;
        foreach (var candidate in due)
        {
            now = clock.GetUtcNow();
            var leaseEnd = now + Lease;
            var claimed = await db.Set<HotlineHandOff>()
                .Where(h => h.Id == candidate.Id && h.Status == HandOffStatus.Pending && h.Attempts == candidate.Attempts && h.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.Attempts, h => h.Attempts + 1).SetProperty(h => h.NextAttemptAt, leaseEnd), ct);
            if (claimed == 0) continue;
            var handOff = await db.Set<HotlineHandOff>().AsNoTracking().FirstAsync(h => h.Id == candidate.Id, ct);
            try
            {
                var workOrder = await gateway.SendAsync(handOff, ct);
                await RecordSentAsync(handOff, workOrder, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var error = Truncate(e.GetBaseException().Message, 2000);
                var next = clock.GetUtcNow() + BackOff(handOff.Attempts);
                await db.Set<HotlineHandOff>().Where(h => h.Id == handOff.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(h => h.NextAttemptAt, next).SetProperty(h => h.LastError, error), CancellationToken.None);
                log.LogWarning("12345 hand-off {Id} failed (attempt {Attempts}), retrying at {Next}: {Error}", handOff.Id, handOff.Attempts, next, error);
            }
        }
        return sent;
    }

    /// <summary>Marks the row sent, stores the work-order id on the party and journals it, in one transaction.</summary>
    private async Task RecordSentAsync(HotlineHandOff handOff, string workOrder, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var at = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await db.Set<HotlineHandOff>().Where(h => h.Id == handOff.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Status, HandOffStatus.Sent).SetProperty(h => h.SentAt, at).SetProperty(h => h.LastError, (string?)null), CancellationToken.None);
        await db.Set<MatterParty>().Where(p => p.Id == handOff.PartyId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ExternalId, workOrder), CancellationToken.None);
        db.Add(new MatterJournalEntry
        {
            MatterId = handOff.MatterId, PartyId = handOff.PartyId, At = at, ActorId = "system", ActorName = "系统",
            Action = "handed-off", Text = $"已推送至12345热线平台，工单号 {workOrder}（第 {handOff.Attempts} 次尝试）。",
        });
        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        log.LogInformation("12345 hand-off {Id} delivered as {WorkOrder}", handOff.Id, workOrder);
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
