using ApprovalCenter.Calendar;
using ApprovalCenter.Administration;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Clock;

/// <summary>Why a clock move was refused; the message is for the person who asked.</summary>
public sealed class ClockMoveException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}

/// <summary>Moves the training clock forward (never back: deadlines, journals and sealed documents
/// already dated must stay in the past) and journals each move.</summary>
public sealed class TrainingClock(AppDbContext db, MovableBusinessClock clock)
{
    public async Task<DateTimeOffset> MoveToAsync(DateTimeOffset target, string actorId, string actorName, string? ip, string? reason, CancellationToken ct = default)
    {
        var before = clock.GetUtcNow();
        if (target <= before)
            throw new ClockMoveException("now", $"培训时钟只能向后拨：目标时间 {China(target)} 不晚于当前业务时间 {China(before)}。");
        var offset = target - DateTimeOffset.UtcNow;
        var state = await db.Set<BusinessClockState>().FirstOrDefaultAsync(ct);
        if (state is null) db.Add(state = new BusinessClockState());
        state.OffsetTicks = offset.Ticks;
        state.UpdatedAt = DateTimeOffset.UtcNow;
        state.UpdatedBy = actorName;
        db.Add(new AdminJournalEntry
        {
            At = DateTimeOffset.UtcNow, Actor = actorId, ActorName = actorName, Ip = ip, Action = "clock:move", Subject = "business-clock",
            Summary = $"培训时钟由 {China(before)} 拨至 {China(target)}", Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        clock.Apply(offset);
        return clock.GetUtcNow();
    }

    /// <summary>Reads the shared offset (at start-up and by <see cref="BusinessClockSync"/>).</summary>
    public static async Task RefreshAsync(AppDbContext db, MovableBusinessClock clock, CancellationToken ct)
    {
        var ticks = await db.Set<BusinessClockState>().AsNoTracking().Select(s => (long?)s.OffsetTicks).FirstOrDefaultAsync(ct);
        clock.Apply(TimeSpan.FromTicks(ticks ?? 0));
    }

    public static string China(DateTimeOffset t) => t.ToChinaText();
}
