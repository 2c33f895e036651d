using System.Security.Claims;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Cases;

/// <summary>What the cases API reads (never writes): who may see a case, one case's summary, the queue.</summary>
public sealed class CaseQueries(AppDbContext db, CaseService cases, DocumentOptions documents, CaseScopes scopes)
{
    private const int MaxPage = 200;

    public static bool IsStaff(ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    /// <summary>Who may open a case (and its materials): the applicant or their agent, staff of the
    /// case's department, and the bureau-wide roles (the comprehensive window, supervisors, the head).</summary>
    public static bool MayOpen(ClaimsPrincipal user, string applicantId, string? agentId, string department)
    {
        if (IsStaff(user)) return DepartmentAuthorizationHandler.CanActIn(user, department);
        var id = CaseActors.UserId(user);
        return id.Length > 0 && (applicantId == id || agentId == id);
    }

    /// <summary>Null when the signed-in user may see the case; otherwise 404 (applicants: existence is
    /// not revealed) or 403 (staff outside the case's department).</summary>
    public async Task<IResult?> AccessAsync(string number, ClaimsPrincipal user, CancellationToken ct)
    {
        var row = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct);
        var notFound = Results.Problem(statusCode: 404, title: "未找到", detail: $"办件“{number}”不存在。");
        if (row is null) return notFound;
        if (await scopes.MayOpenAsync(user, row, ct)) return null;
        return IsStaff(user)
            ? Results.Problem(statusCode: 403, title: "无权访问", detail: $"该办件属于“{row.Department}”，您只能办理本部门的办件。")
            : notFound;
    }

    public async Task<CaseSummaryDto> SummaryAsync(string number, CancellationToken ct)
    {
        var (record, instance, clock) = await cases.GetAsync(number, ct);
        var docs = await db.Set<IssuedDocument>().AsNoTracking().Where(d => d.CaseId == record.Id).OrderBy(d => d.SignedAt)
            .Select(d => new { d.Kind, d.Title, d.DocumentNumber, d.VerificationCode, d.SignedAt, d.RevokedAt }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime).DateTime);
        var status = clock.At(clock.AsOf ?? today);
        return new CaseSummaryDto(
            record.Number, record.ItemCode, record.ItemName, record.Department, record.Mode.ToString(), record.ProcessId,
            record.Status.ToString(), record.Outcome, instance.CurrentSteps, instance.Version,
            record.ApplicantName, record.ReceivedAt, clock.IntakeDeadline?.Date, record.DeadlinesProvisional,
            new CaseDeadlinesDto(Dto(clock.IntakeDeadline), Dto(clock.PromisedDeadline), Dto(clock.StatutoryDeadline), Dto(clock.DeliveryDeadline), clock.SupplementDeadline),
            new CaseClockDto(status.State.ToString(), status.Phase.ToString(), status.UsedDays, status.PromisedRemaining, clock.OpenPause is not null),
            docs.Select(d => new CaseDocumentDto(d.Kind.ToString(), d.Title, d.DocumentNumber, d.VerificationCode, documents.VerificationUrl(d.VerificationCode), d.SignedAt, d.RevokedAt is not null)).ToList(),
            record.CreatedAt, record.UpdatedAt);
    }

    /// <summary>Staff: the queue (their department unless bureau-wide); applicants: their own cases.</summary>
    public async Task<IResult> ListAsync(ClaimsPrincipal user, string? step, string? department, string? status, string? order, int? take, CancellationToken ct)
    {
        var q = db.Set<CaseRecord>().AsNoTracking();
        if (IsStaff(user))
        {
            if (department is { Length: > 0 })
            {
                if (!DepartmentAuthorizationHandler.CanActIn(user, department))
                    return Results.Problem(statusCode: 403, title: "无权访问", detail: $"您不能查看“{department}”的办件。");
                q = q.Where(c => c.Department == department);
            }
            else if (!DepartmentAuthorizationHandler.CanActIn(user, "*"))
            {
                // Department-scoped staff (reviewers, chief representatives) see their own department's queue.
                var own = user.FindFirstValue(Roles.DepartmentClaim);
                if (own is null) return Results.Ok(Array.Empty<CaseListItemDto>());
                q = await scopes.WorkedByAsync(q, own, ct);
            }
        }
        else
        {
            var id = CaseActors.UserId(user);
            q = q.Where(c => c.ApplicantId == id);
            if (department is { Length: > 0 }) q = q.Where(c => c.Department == department);
        }
        if (step is { Length: > 0 })
        {
            var s = step.Trim();
            q = q.Where(c => c.CurrentSteps == s || c.CurrentSteps.StartsWith(s + ",") || c.CurrentSteps.EndsWith("," + s) || c.CurrentSteps.Contains("," + s + ","));
        }
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<CaseStatus>(status, ignoreCase: true, out var st) || int.TryParse(status, out _))
                return CaseProblems.Invalid("status", $"状态“{status}”无效，可选：{string.Join("、", Enum.GetNames<CaseStatus>())}。");
            q = q.Where(c => c.Status == st);
        }
        bool? oldest = order switch { null or "" or "newest" => false, "oldest" => true, _ => null };
        if (oldest is null) return CaseProblems.Invalid("order", "排序只能是 newest 或 oldest。");
        q = oldest.Value ? q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Number) : q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number);
        var rows = await q.Take(Math.Clamp(take ?? 50, 1, MaxPage)).ToListAsync(ct);
        return Results.Ok(rows.Select(c => new CaseListItemDto(c.Number, c.ItemCode, c.ItemName, c.Department, c.Mode.ToString(), c.Status.ToString(), c.Outcome,
            c.Steps, c.ApplicantName, c.IntakeDeadline, c.PromisedDeadline, c.StatutoryDeadline, c.DeadlinesProvisional, c.ClockState, c.CreatedAt, c.UpdatedAt)).ToList());
    }

    private static DeadlineDto? Dto(ClockDeadline? d) => d is null ? null : new DeadlineDto(d.Date, d.Provisional, d.Projected);
}
