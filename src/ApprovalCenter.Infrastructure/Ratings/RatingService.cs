using ApprovalCenter.Calendar;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Ratings;

/// <summary>What a rater sends, raw, from the page or the API alike; the service validates it.</summary>
public sealed record RatingInput(string? Level, IReadOnlyList<string>? Reasons, string? Comment);

/// <summary>
/// Ratings of matters (一事一评) and of the 12345 channel: offers a delivered matter for rating, takes
/// the rating (one per matter, changeable within 24 h), records the 7-day default on its durable timer,
/// and opens a work order for every bad rating, all in the rating's own transaction. Errors are
/// <see cref="CaseException"/>s (status + Chinese message + field), so pages and API show the same.
/// </summary>
public sealed partial class RatingService(AppDbContext db, BusinessClock clock, DurableTimers timers, Notifier notifier, WorkOrderService workOrders, IOptions<RatingOptions> options)
{
    public const string TimerKindDefault = "rating-default";
    /// <summary>A matter is received and handed over at the comprehensive window (一窗通办), so that is its counter.</summary>
    public const string MatterCounter = "综合受理窗口";
    public static string DefaultTimerKey(Guid caseId) => $"rating-default:{caseId:N}";

    /// <summary>Offers a completed case for rating once: the applicant's inbox gets the link, the
    /// 7-day default gets its timer. Returns the offer, or null while the case has no result yet.</summary>
    public async Task<RatingOffer?> EnsureOfferAsync(CaseRecord record, CancellationToken ct = default)
    {
        if (record.Status != CaseStatus.Completed) return null;
        var existing = await db.Set<RatingOffer>().FirstOrDefaultAsync(o => o.CaseId == record.Id, ct);
        if (existing is not null) return existing;
        var delivered = DeliveredAt(record).ToUniversalTime();
        var handler = await HandlerAsync(record.Id, ct);
        var offer = new RatingOffer
        {
            CaseId = record.Id, CaseNumber = record.Number, ApplicantId = record.ApplicantId, Department = record.Department,
            ItemCode = record.ItemCode, ItemName = record.ItemName, HandlerId = handler?.Actor, HandlerName = handler?.ActorName, Counter = MatterCounter, DeliveredAt = delivered, DefaultDueAt = RatingRules.DefaultDue(delivered), CreatedAt = clock.GetUtcNow(),
        };
        db.Add(offer);
        await notifier.NotifyAsync(record.ApplicantId, "请对本次办事进行评价",
            $"您的办件 {record.Number}（{record.ItemName}）已办结，欢迎对办事服务作出评价（好差评）。{RatingRules.DefaultAfterNaturalDays} 日内未评价的，默认为“基本满意”。",
            $"/My/Cases/{record.Number}/Rate", record.Number, ct);
        if (options.Value.DefaultRatingEnabled)
            await timers.SetAsync(DefaultTimerKey(record.Id), TimerKindDefault, record.Number, offer.DefaultDueAt, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node offered it at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return await db.Set<RatingOffer>().AsNoTracking().FirstOrDefaultAsync(o => o.CaseId == record.Id, ct);
        }
        await timers.FlushAsync(ct);
        return offer;
    }

    /// <summary>The day the result reached the applicant (the clock's Delivered event), else when the case ended.</summary>
    private static DateTimeOffset DeliveredAt(CaseRecord record)
    {
        var delivered = ClockEventJson.Deserialize(record.ClockEventsJson).OfType<ClockEvent.Delivered>().LastOrDefault();
        var ended = record.UpdatedAt;
        if (delivered is null) return ended;
        var start = ClockTimer.StartOfDay(delivered.Date);
        // The event carries only a date: the delivery happened that day, at the case's last change when it was that day.
        return ended >= start && ended < start.AddDays(1) ? ended : start;
    }

    /// <summary>The applicant rates their own delivered matter online.</summary>
    public async Task<Rating> RateMatterAsync(string caseNumber, RatingInput input, CaseActor rater, CancellationToken ct = default)
    {
        if (rater.Role != Roles.Applicant) throw CaseException.Forbidden("工作人员不能评价（不得评价本人或本局的工作）。");
        var (level, reasons, comment) = Validate(input);
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == caseNumber, ct);
        if (record is null || record.ApplicantId != rater.UserId) throw new CaseException(404, $"您没有办理过办件“{caseNumber}”，不能评价。");
        return await CreateAsync(record, level, reasons, comment, RatingChannel.Online, rater.UserId, record.ApplicantName, rater, ct);
    }

    /// <summary>A rating passed on by the 12345 hotline's partner system: the rater is named and
    /// identified by the credit code or ID number of the applicant, which must be the case's.</summary>
    public async Task<Rating> RateFromHotlineAsync(string caseNumber, string? raterName, string? raterCode, RatingInput input, CancellationToken ct = default)
    {
        var (level, reasons, comment) = Validate(input);
        if (string.IsNullOrWhiteSpace(raterName)) throw CaseException.Invalid("请填写评价人姓名（实名评价）。", "raterName");
        if (string.IsNullOrWhiteSpace(raterCode)) throw CaseException.Invalid("请填写评价人的身份证号码或统一社会信用代码。", "raterCode");
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == caseNumber, ct);
        if (record is null || !string.Equals(record.ApplicantCode, raterCode.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new CaseException(404, $"评价人没有办理过办件“{caseNumber}”，不能评价。");
        var actor = new CaseActor("partner:12345", "12345热线", "Partner", null);
        return await CreateAsync(record, level, reasons, comment, RatingChannel.Hotline12345, record.ApplicantId, raterName.Trim(), actor, ct);
    }

    private async Task<Rating> CreateAsync(CaseRecord record, RatingLevel level, IReadOnlyList<string> reasons, string? comment, RatingChannel channel,
        string raterId, string raterName, CaseActor actor, CancellationToken ct)
    {
        if (record.Status != CaseStatus.Completed) throw CaseException.Conflict($"办件“{record.Number}”尚未办结送达，办理结果送达后才能评价。");
        var existing = await db.Set<Rating>().AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == record.Id && r.Service == RatedService.Matter, ct);
        if (existing is not null) throw SecondRating(existing);
        await EnsureOfferAsync(record, ct);
        var handler = await HandlerAsync(record.Id, ct);
        var now = clock.GetUtcNow();
        var rating = new Rating
        {
            Id = Guid.NewGuid(), Service = RatedService.Matter, CaseId = record.Id, CaseNumber = record.Number, ItemCode = record.ItemCode,
            ItemName = record.ItemName, Department = record.Department, HandlerId = handler?.Actor, HandlerName = handler?.ActorName,
            Counter = MatterCounter, Level = level, Reasons = string.Join(',', reasons), Comment = comment, Channel = channel,
            RaterId = raterId, RaterName = raterName, RatedAt = now,
        };
        db.Add(rating);
        Journal(rating.Id, actor, "rate", $"评价“{RatingLevels.Label(level)}”（{RatingLevels.ChannelLabel(channel)}）", comment);
        await timers.CancelAsync(DefaultTimerKey(record.Id), ct);
        if (rating.IsBad) await workOrders.OpenAsync(rating, ct);
        await SaveAsync(ct, () => SecondRating(rating));
        await timers.FlushAsync(ct);
        return rating;
    }

    /// <summary>The rater changes their own rating, within 24 h of giving it.</summary>
    public async Task<Rating> ChangeAsync(Guid ratingId, RatingInput input, CaseActor rater, CancellationToken ct = default)
    {
        var (level, reasons, comment) = Validate(input);
        var rating = await db.Set<Rating>().FirstOrDefaultAsync(r => r.Id == ratingId, ct);
        if (rating is null || rating.RaterId != rater.UserId || rating.IsDefault) throw new CaseException(404, "没有找到您的这条评价。");
        var now = clock.GetUtcNow();
        if (!RatingRules.CanChange(rating.RatedAt, now))
            throw CaseException.Conflict($"评价已于 {rating.RatedAt.ToChinaText()} 作出，超过 24 小时，不能再修改。");
        var before = rating.Level;
        rating.Level = level;
        rating.Reasons = string.Join(',', reasons);
        rating.Comment = comment;
        rating.ChangedAt = now;
        Journal(rating.Id, rater, "change", $"修改评价：“{RatingLevels.Label(before)}”改为“{RatingLevels.Label(level)}”", comment);
        if (rating.IsBad && !await db.Set<WorkOrder>().AnyAsync(w => w.RatingId == rating.Id, ct)) await workOrders.OpenAsync(rating, ct);
        await SaveAsync(ct, () => CaseException.Conflict(CaseException.ConcurrentChange));
        await timers.FlushAsync(ct);
        return rating;
    }

    /// <summary>The 7-day default fired (inside its timer's transaction): an unrated matter becomes 基本满意, flagged 默认评价.</summary>
    public async Task ApplyDefaultAsync(string caseNumber, DateTimeOffset dueAt, CancellationToken ct)
    {
        if (!options.Value.DefaultRatingEnabled) return;
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == caseNumber, ct);
        if (record is null || await db.Set<Rating>().AnyAsync(r => r.CaseId == record.Id && r.Service == RatedService.Matter, ct)) return;
        var handler = await HandlerAsync(record.Id, ct);
        var rating = new Rating
        {
            Id = Guid.NewGuid(), Service = RatedService.Matter, CaseId = record.Id, CaseNumber = record.Number, ItemCode = record.ItemCode,
            ItemName = record.ItemName, Department = record.Department, HandlerId = handler?.Actor, HandlerName = handler?.ActorName,
            Counter = MatterCounter, Level = RatingRules.DefaultLevel, Channel = RatingChannel.Online,
            RaterId = record.ApplicantId, RaterName = record.ApplicantName, IsDefault = true, RatedAt = dueAt,
        };
        db.Add(rating);
        Journal(rating.Id, CaseActor.System, "default", $"送达后 {RatingRules.DefaultAfterNaturalDays} 日未评价，默认评价为“基本满意”", null, dueAt);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Whoever handled the matter at the window: the staff member who accepted it (一窗受理), else the last staff actor.</summary>
    private async Task<CaseJournalEntry?> HandlerAsync(Guid caseId, CancellationToken ct)
    {
        var staff = await db.Set<CaseJournalEntry>().AsNoTracking()
            .Where(j => j.CaseId == caseId && j.ActorRole != null && j.ActorRole != Roles.Applicant && j.Actor != "system")
            .OrderBy(j => j.Id).ToListAsync(ct);
        return staff.FirstOrDefault(j => j.ActorRole == Roles.Clerk) ?? staff.LastOrDefault();
    }

    private static CaseException SecondRating(Rating existing) => CaseException.Conflict(existing.IsDefault
        ? "该事项已按默认评价记为“基本满意”，不能再评价。"
        : "该事项已经评价过，每个事项只能评价一次；24 小时内可以修改原评价。");

    /// <summary>Level, reasons and free text, each error naming its field in Chinese.</summary>
    public static (RatingLevel Level, IReadOnlyList<string> Reasons, string? Comment) Validate(RatingInput input)
    {
        var errors = new List<ApprovalCenter.Cases.Actions.InputError>();
        if (!RatingLevels.TryParse(input.Level, out var level))
            errors.Add(new("level", string.IsNullOrWhiteSpace(input.Level) ? "请选择评价等级。" : $"评价等级“{input.Level}”无效，只能是：非常满意、满意、基本满意、不满意、非常不满意。"));
        var (codes, unknown) = RatingReasons.Parse(input.Reasons);
        if (unknown is not null) errors.Add(new("reasons", $"评价原因“{unknown}”不在可选范围内。"));
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (comment is { Length: > RatingRules.MaxCommentLength }) errors.Add(new("comment", $"评价内容不能超过 {RatingRules.MaxCommentLength} 字。"));
        if (errors.Count > 0) throw CaseException.Invalid(errors);
        return (level, codes, comment);
    }

    internal void Journal(Guid ratingId, CaseActor actor, string action, string summary, string? reason, DateTimeOffset? at = null, long? workOrderId = null, long? appealId = null) =>
        db.Add(new RatingJournalEntry
        {
            RatingId = ratingId, WorkOrderId = workOrderId, AppealId = appealId, At = at ?? clock.GetUtcNow(),
            Actor = actor.UserId, ActorName = actor.UserName, Action = action, Summary = summary, Reason = reason,
        });

    private async Task SaveAsync(CancellationToken ct, Func<CaseException> onConflict)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw onConflict(); }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: "23505" }) { throw onConflict(); }
    }
}
