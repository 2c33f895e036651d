using ApprovalCenter.Cases;
using ApprovalCenter.Hall;
using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Ratings;

/// <summary>A window service of a visit that can be rated, with its rating if it has one.</summary>
public sealed record RateableLeg(VisitLeg Leg, string ServiceName, Rating? Rating);

public sealed partial class RatingService
{
    /// <summary>Ratings of window services are counted under this department name (the hall is the bureau's, not a department's).</summary>
    public const string HallDepartment = "综合窗口";
    /// <summary>How long after the service its ticket's QR code still takes a rating.</summary>
    public const int WindowRatingDays = 7;

    /// <summary>The services of a ticket that ended (served or passed on), oldest first, with their ratings.</summary>
    public async Task<(HallTicket? Ticket, List<RateableLeg> Legs)> RateableLegsAsync(string ticketCode, CancellationToken ct = default)
    {
        var ticket = await db.Set<HallTicket>().AsNoTracking().FirstOrDefaultAsync(t => t.Code == ticketCode, ct);
        if (ticket is null) return (null, []);
        var legs = await db.Set<VisitLeg>().AsNoTracking()
            .Where(l => l.TicketId == ticket.Id && l.EndedAt != null && (l.Outcome == LegOutcome.Served || l.Outcome == LegOutcome.Transferred))
            .OrderBy(l => l.Seq).ToListAsync(ct);
        var ids = legs.Select(l => (Guid?)l.Id).ToList();
        var ratings = await db.Set<Rating>().AsNoTracking().Where(r => ids.Contains(r.HallVisitLegId)).ToListAsync(ct);
        var queues = await db.Set<HallQueue>().AsNoTracking().ToDictionaryAsync(q => q.Id, q => q.ServiceId, ct);
        var services = await db.Set<HallService>().AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return (ticket, legs.Select(l => new RateableLeg(l, services.GetValueOrDefault(queues.GetValueOrDefault(l.QueueId) ?? "") ?? l.QueueId,
            ratings.FirstOrDefault(r => r.HallVisitLegId == l.Id))).ToList());
    }

    /// <summary>
    /// 一次一评: one service at a window (a visit leg), rated through the ticket's QR code, once, within
    /// <see cref="WindowRatingDays"/> days of the service. A signed-in applicant rates by real name; the holder of a
    /// kiosk ticket without an account rates anonymously (the ticket's code is the proof of the visit). Staff never rate.
    /// </summary>
    public async Task<Rating> RateVisitLegAsync(string ticketCode, Guid? legId, RatingInput input, CaseActor? rater, string? raterName, CancellationToken ct = default)
    {
        if (rater is not null && rater.Role != Roles.Applicant) throw CaseException.Forbidden("工作人员不能评价（不得评价本人或本局的工作）。");
        var (level, reasons, comment) = Validate(input);
        var (ticket, legs) = await RateableLegsAsync(ticketCode, ct);
        if (ticket is null) throw new CaseException(404, "没有这张号票，不能评价。");
        var chosen = legId is { } id ? legs.FirstOrDefault(l => l.Leg.Id == id) : legs.LastOrDefault(l => l.Rating is null);
        if (chosen is null)
            throw legs.Count == 0 ? CaseException.Conflict("窗口服务结束后才能评价。") : CaseException.Invalid("请选择要评价的窗口服务。", "leg");
        if (chosen.Rating is { } existing) throw SecondRating(existing);
        var now = clock.GetUtcNow();
        if (chosen.Leg.EndedAt!.Value.AddDays(WindowRatingDays) < now)
            throw CaseException.Conflict($"该次服务已超过 {WindowRatingDays} 日，不能再评价。");
        var leg = chosen.Leg;
        var rating = new Rating
        {
            Id = Guid.NewGuid(), Service = RatedService.VisitLeg, HallVisitLegId = leg.Id, ItemCode = leg.QueueId.Length > 20 ? leg.QueueId[..20] : leg.QueueId,
            ItemName = chosen.ServiceName, Department = HallDepartment, HandlerId = leg.ClerkId, HandlerName = leg.ClerkName,
            Counter = leg.CounterId is { } c ? $"{c} 号窗口" : null, Level = level, Reasons = string.Join(',', reasons), Comment = comment,
            Channel = RatingChannel.Window, RaterId = rater?.UserId ?? ticket.ApplicantUserId ?? "",
            RaterName = rater is not null ? raterName ?? rater.UserName : "匿名（号票扫码）", RatedAt = now,
        };
        db.Add(rating);
        Journal(rating.Id, rater ?? new CaseActor("", "号票扫码评价", Roles.Applicant, null), "rate",
            $"评价 {ticket.Number} 号在{rating.Counter}的服务：“{RatingLevels.Label(level)}”（窗口）", comment);
        if (rating.IsBad) await workOrders.OpenAsync(rating, ct);
        await SaveAsync(ct, () => SecondRating(rating));
        await timers.FlushAsync(ct);
        return rating;
    }
}
