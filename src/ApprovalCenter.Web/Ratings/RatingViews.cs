using System.Security.Claims;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Ratings;

/// <summary>A rating as a reader may see it: <see cref="RaterName"/> is null unless the reader may know the rater.</summary>
public sealed record RatingDto(
    Guid Id, string Service, string? CaseNumber, Guid? HallVisitLegId, string ItemCode, string ItemName, string Department,
    string? HandlerName, string? Counter, string Level, string LevelLabel, bool IsBad, IReadOnlyList<string> Reasons, string? Comment,
    string Channel, string? RaterName, bool IsDefault, DateTimeOffset RatedAt, DateTimeOffset? ChangedAt, bool Excluded, string? ExcludedReason);

/// <summary>
/// Who sees which ratings, in one place for pages and API: supervisors and administrators see all,
/// with the rater's real name; the head of the bureau sees all without names; chief representatives
/// and reviewers their department's, a clerk the ratings of their own work, all without the rater;
/// an applicant their own.
/// </summary>
public sealed class RatingViews(AppDbContext db)
{
    public static bool SeesRater(ClaimsPrincipal user) => user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator);

    public IQueryable<Rating> Visible(ClaimsPrincipal user)
    {
        var q = db.Set<Rating>().AsNoTracking();
        var id = CaseActors.UserId(user);
        var department = user.FindFirstValue(Roles.DepartmentClaim);
        if (SeesRater(user) || user.IsInRole(Roles.BureauHead)) return q;
        if (user.IsInRole(Roles.ChiefRepresentative) || user.IsInRole(Roles.Reviewer)) return q.Where(r => r.Department == department || r.HandlerId == id);
        if (user.IsInRole(Roles.Clerk)) return q.Where(r => r.HandlerId == id);
        if (user.IsInRole(Roles.Applicant)) return q.Where(r => r.RaterId == id);
        return q.Where(_ => false);
    }

    public static RatingDto ToDto(Rating r, ClaimsPrincipal reader)
    {
        var own = r.RaterId == CaseActors.UserId(reader);
        return new(r.Id, r.Service == RatedService.Matter ? "matter" : "visit-leg", r.CaseNumber, r.HallVisitLegId, r.ItemCode, r.ItemName, r.Department,
            r.HandlerName, r.Counter, r.Level.ToString(), RatingLevels.Label(r.Level), r.IsBad,
            r.ReasonCodes.Select(c => RatingReasons.Label(c) ?? c).ToList(), r.Comment,
            r.Channel switch { RatingChannel.Window => "window", RatingChannel.Hotline12345 => "12345", _ => "online" },
            SeesRater(reader) || own ? r.RaterName : null, r.IsDefault, r.RatedAt, r.ChangedAt, r.Excluded, r.ExcludedReason);
    }
}
