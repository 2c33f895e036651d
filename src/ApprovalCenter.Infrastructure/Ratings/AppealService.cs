using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Ratings;

/// <summary>
/// Appeals of bad ratings (rules.md §4): the handler or the department's chief representative
/// appeals a bad rating as mistaken or malicious with evidence; a supervisor decides. An upheld
/// appeal excludes the rating from every indicator; the rating stays in the record with the decision and its reason.
/// </summary>
public sealed class AppealService(AppDbContext db, BusinessClock clock, Notifier notifier)
{
    public async Task<RatingAppeal> FileAsync(Guid ratingId, string? ground, string? evidence, CaseActor actor, CancellationToken ct = default)
    {
        var rating = await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == ratingId, ct) ?? throw new CaseException(404, "评价不存在。");
        var mayAppeal = actor.UserId == rating.HandlerId || (actor.Role == Roles.ChiefRepresentative && actor.Department == rating.Department);
        if (!mayAppeal) throw CaseException.Forbidden("只有被评价的承办人或其部门负责人可以申诉。");
        if (!rating.IsBad) throw new CaseException(422, $"“{RatingLevels.Label(rating.Level)}”不是差评，好评不能申诉。");
        if (rating.Excluded) throw CaseException.Conflict("该评价已被剔除，无需申诉。");
        AppealGround? g = ground?.Trim().ToLowerInvariant() switch { "mistaken" or "误评" => AppealGround.Mistaken, "malicious" or "恶意评价" => AppealGround.Malicious, _ => null };
        var errors = new List<ApprovalCenter.Cases.Actions.InputError>();
        if (g is null) errors.Add(new("ground", "请选择申诉理由：误评或恶意评价。"));
        var text = evidence?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add(new("evidence", "请填写申诉的证据和说明。"));
        else if (text.Length > 2000) errors.Add(new("evidence", "证据说明不能超过 2000 字。"));
        if (errors.Count > 0) throw CaseException.Invalid(errors);
        if (await db.Set<RatingAppeal>().AnyAsync(a => a.RatingId == ratingId && a.Status == AppealStatus.Pending, ct))
            throw CaseException.Conflict("该评价已有待审核的申诉。");
        var appeal = new RatingAppeal
        {
            RatingId = ratingId, Ground = g!.Value, Evidence = text!, FiledBy = actor.UserId, FiledByName = actor.UserName, FiledAt = clock.GetUtcNow(),
        };
        db.Add(appeal);
        Journal(ratingId, actor, "appeal", $"申诉：{RatingAppeal.GroundLabel(appeal.Ground)}", text);
        var supervisors = await (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id
                                 where r.Name == Roles.Supervisor select u.Id).ToListAsync(ct);
        foreach (var s in supervisors)
            await notifier.NotifyAsync(s, "差评申诉待审核", $"办件 {rating.CaseNumber} 的差评被申诉为{RatingAppeal.GroundLabel(appeal.Ground)}，请审核。", "/Supervision/Appeals", rating.CaseNumber, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" }) { throw CaseException.Conflict("该评价已有待审核的申诉。"); }
        return appeal;
    }

    public async Task<RatingAppeal> DecideAsync(long appealId, string? decision, string? reason, CaseActor actor, CancellationToken ct = default)
    {
        if (actor.Role != Roles.Supervisor) throw CaseException.Forbidden("申诉由督查人员审核。");
        var appeal = await db.Set<RatingAppeal>().FirstOrDefaultAsync(a => a.Id == appealId, ct) ?? throw new CaseException(404, $"申诉 {appealId} 不存在。");
        bool? upheld = decision?.Trim().ToLowerInvariant() switch { "uphold" or "upheld" => true, "reject" or "rejected" => false, _ => null };
        var errors = new List<ApprovalCenter.Cases.Actions.InputError>();
        if (upheld is null) errors.Add(new("decision", "请选择申诉成立或不成立。"));
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) errors.Add(new("decisionReason", "请填写审核理由。"));
        if (errors.Count > 0) throw CaseException.Invalid(errors);
        if (appeal.Status != AppealStatus.Pending) throw CaseException.Conflict($"该申诉已审核：{RatingAppeal.StatusLabel(appeal.Status)}。");
        var now = clock.GetUtcNow();
        appeal.Status = upheld == true ? AppealStatus.Upheld : AppealStatus.Rejected;
        appeal.DecidedAt = now; appeal.DecidedBy = actor.UserId; appeal.DecidedByName = actor.UserName; appeal.DecisionReason = why;
        if (upheld == true)
        {
            var rating = await db.Set<Rating>().FirstAsync(r => r.Id == appeal.RatingId, ct);
            rating.Excluded = true;
            rating.ExcludedReason = $"申诉成立（{RatingAppeal.GroundLabel(appeal.Ground)}）：{why}";
        }
        Journal(appeal.RatingId, actor, "appeal-decided", upheld == true ? "申诉成立，该评价不计入统计（保留记录）" : "申诉不成立，评价照常统计", why);
        await notifier.NotifyAsync(appeal.FiledBy, "差评申诉审核结果", $"您的申诉{RatingAppeal.StatusLabel(appeal.Status)}：{why}", "/Ratings", null, ct);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw CaseException.Conflict("该申诉刚刚已被他人审核。"); }
        return appeal;
    }

    private void Journal(Guid ratingId, CaseActor actor, string action, string summary, string? reason) =>
        db.Add(new RatingJournalEntry { RatingId = ratingId, At = clock.GetUtcNow(), Actor = actor.UserId, ActorName = actor.UserName, Action = action, Summary = summary, Reason = reason });
}
