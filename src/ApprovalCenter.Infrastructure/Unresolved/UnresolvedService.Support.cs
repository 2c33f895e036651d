using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Unresolved;

public sealed partial class UnresolvedService
{
    private async Task<UnresolvedMatter> LoadForChangeAsync(string number, uint? expectedVersion, CancellationToken ct)
    {
        var matter = await db.Set<UnresolvedMatter>().Include(m => m.Parties).Include(m => m.Journal)
            .AsSplitQuery().FirstOrDefaultAsync(m => m.Number == number, ct) ?? throw UnresolvedException.NotFound(number);
        if (expectedVersion is { } v && v != matter.RowVersion)
            throw UnresolvedException.Conflict("该反映已被他人更新，请刷新页面后再操作。");
        return matter;
    }

    /// <summary>Commits; a concurrent change of the same matter (xmin moved) is a clear 409, nothing half-saved.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            // The matter row itself must move with every change, so that xmin guards child-only changes too.
            foreach (var m in db.ChangeTracker.Entries<UnresolvedMatter>()) m.State = m.State == EntityState.Unchanged ? EntityState.Modified : m.State;
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw UnresolvedException.Conflict("该反映刚被他人更新，您的操作未保存，请刷新页面后再操作。");
        }
        await timers.FlushAsync(ct);
    }

    private static void RequireOpen(UnresolvedMatter matter)
    {
        if (matter.Status is MatterStatus.Closed or MatterStatus.Referred)
            throw UnresolvedException.Conflict($"该反映已{UnresolvedTexts.Status(matter.Status)}，不能再记录。");
    }

    private static MatterParty FindParty(UnresolvedMatter matter, Guid id, string field) =>
        matter.Parties.FirstOrDefault(p => p.Id == id) ?? throw UnresolvedException.Invalid(field, "所选承办单位不属于该反映。");

    private static string RequireText(string? value, string field, string label, int max)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) throw UnresolvedException.Invalid(field, $"请填写{label}。");
        if (v.Length > max) throw UnresolvedException.Invalid(field, $"{label}不能超过 {max} 字。");
        return v;
    }

    private void Journal(UnresolvedMatter matter, CaseActor actor, string action, string text, Guid? partyId = null)
    {
        var entry = new MatterJournalEntry
        {
            MatterId = matter.Id, PartyId = partyId, At = clock.GetUtcNow(), ActorId = actor.UserId, ActorName = actor.UserName,
            Action = action, Text = text.Length > 4000 ? text[..4000] : text,
        };
        db.Add(entry);
        matter.Journal.Add(entry);
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken ct)
    {
        var next = await db.Database.SqlQuery<int>($"""
            INSERT INTO unresolved_number_counters ("Year", "Last") VALUES ({year}, 1)
            ON CONFLICT ("Year") DO UPDATE SET "Last" = unresolved_number_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return $"{NumberPrefix}-{year:D4}-{next[0]:D6}";
    }

    /// <summary>Inbox entries (and mails) for the staff who must act, staged on this DbContext so they commit with the timer's effect.</summary>
    private async Task NotifyStaffAsync(UnresolvedMatter matter, string[] roles, string title, CancellationToken ct)
    {
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync(ct);
        var userIds = await db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId).Distinct().ToListAsync(ct);
        foreach (var id in userIds)
            await notifier.NotifyAsync(id, title, $"{matter.Number}（{matter.PersonName}）：办结期限 {matter.ClosingDeadline:yyyy-MM-dd}。", $"/Windows/Unresolved/{matter.Number}", null, ct);
    }
}
