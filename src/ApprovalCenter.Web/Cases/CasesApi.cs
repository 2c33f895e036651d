using System.Security.Claims;
using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Cases;
using ApprovalCenter.Clock;
using ApprovalCenter.Documents;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Cases;

public sealed record SubmitCaseRequest(string? ItemCode, string? Mode, Dictionary<string, JsonElement>? Data);
public sealed record CaseActionRequest(Dictionary<string, JsonElement>? Data, long? ExpectedVersion, string? StepId);

public sealed record DeadlineDto(DateOnly Date, bool Provisional, bool Projected);
public sealed record CaseDeadlinesDto(DeadlineDto? Intake, DeadlineDto? Promised, DeadlineDto? Statutory, DeadlineDto? Delivery, DateOnly? Supplement);
public sealed record CaseDocumentDto(string Kind, string Title, string DocumentNumber, string VerificationCode, string VerificationUrl, DateTimeOffset SignedAt, bool Revoked);
public sealed record CaseClockDto(string State, string Phase, int UsedDays, int PromisedRemaining, bool Paused);

/// <summary>One case as the API shows it. <see cref="WorkflowVersion"/> is the value to send back as
/// <c>expectedVersion</c>: an action built on an older version is refused with 409.</summary>
public sealed record CaseSummaryDto(
    string Number, string ItemCode, string ItemName, string Department, string Mode, string ProcessId,
    string Status, string? Outcome, IReadOnlyList<string> CurrentSteps, long WorkflowVersion,
    string ApplicantName, DateTimeOffset? ReceivedAt, DateOnly? IntakeDeadline, bool DeadlinesProvisional,
    CaseDeadlinesDto Deadlines, CaseClockDto Clock, IReadOnlyList<CaseDocumentDto> Documents,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CaseListItemDto(
    string Number, string ItemCode, string ItemName, string Department, string Mode, string Status, string? Outcome,
    IReadOnlyList<string> CurrentSteps, string ApplicantName, DateOnly? IntakeDeadline, DateOnly? PromisedDeadline,
    DateOnly? StatutoryDeadline, bool DeadlinesProvisional, string ClockState, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>
/// /api/v1/cases: applicants submit and follow their own cases; staff work the queues and act.
/// Cookie-authenticated; POSTs need the antiforgery header (see <see cref="ApiAntiforgery"/>).
/// Applicants never learn whether someone else's case exists (404, not 403); staff outside the
/// case's department get 403. Errors are ProblemDetails; 400s name the field in <c>errors</c>.
/// </summary>
public static partial class CasesApi
{
    public const string DisplayNameClaim = "approvalcenter:display_name";
    private const int MaxPage = 200;

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapAntiforgeryApi();
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization();
        api.MapPost("", SubmitAsync).RequireAuthorization(Policies.Applicant).RequireAntiforgeryToken()
            .WithSummary("Submit an application (applicants)")
            .Produces<CaseSummaryDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("", ListAsync).WithSummary("Staff: the queue (filter by step, department, status); applicants: their own cases")
            .Produces<List<CaseListItemDto>>();
        api.MapGet("/{number}", GetAsync).WithSummary("One case: steps, deadlines, clock, documents, workflow version")
            .Produces<CaseSummaryDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{number}/actions/{action}", ActAsync).RequireAntiforgeryToken()
            .WithSummary("Act on a case (accept, submit-opinion, approve, deliver, ...); expectedVersion guards against concurrent changes")
            .Produces<CaseSummaryDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> SubmitAsync(SubmitCaseRequest? body, HttpContext ctx, CaseService cases, UserManager<AppUser> users, AppDbContext db, DocumentOptions documents, CancellationToken ct)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.ItemCode)) return Invalid("itemCode", "请指明申请的事项编码（itemCode）。");
        var mode = CaseMode.Normal;
        if (!string.IsNullOrEmpty(body.Mode) && (!Enum.TryParse(body.Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(body.Mode, out _)))
            return Invalid("mode", $"办理方式“{body.Mode}”无效，可选：{string.Join("、", Enum.GetNames<CaseMode>())}。");
        if (!TryReadData(body.Data, out var data, out var dataError)) return dataError!;
        var user = await users.GetUserAsync(ctx.User);
        if (user is null) return Results.Problem(statusCode: 401, title: "需要登录", detail: "请先登录后再调用此接口。");
        if (ActorFor(ctx) is not { } actor) return NoRole();
        try
        {
            var record = await cases.SubmitAsync(body.ItemCode.Trim(), mode, user, data!, actor, ct);
            var summary = await SummaryAsync(record.Number, cases, db, documents, ct);
            return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(record.Number)}", summary);
        }
        catch (CaseException e)
        {
            return Problem(e);
        }
    }

    private static async Task<IResult> GetAsync(string number, HttpContext ctx, CaseService cases, AppDbContext db, DocumentOptions documents, CancellationToken ct)
    {
        if (await AccessAsync(number, ctx, db, ct) is { } denied) return denied;
        try
        {
            return Results.Ok(await SummaryAsync(number, cases, db, documents, ct));
        }
        catch (CaseException e)
        {
            return Problem(e);
        }
    }

    private static async Task<IResult> ActAsync(string number, string action, CaseActionRequest? body, HttpContext ctx, CaseService cases, AppDbContext db, DocumentOptions documents, CancellationToken ct)
    {
        if (await AccessAsync(number, ctx, db, ct) is { } denied) return denied;
        if (!TryReadData(body?.Data, out var data, out var dataError)) return dataError!;
        if (ActorFor(ctx) is not { } actor) return NoRole();
        try
        {
            await cases.ActAsync(number, action, actor, data, body?.ExpectedVersion, string.IsNullOrWhiteSpace(body?.StepId) ? null : body.StepId, ct);
            return Results.Ok(await SummaryAsync(number, cases, db, documents, ct));
        }
        catch (CaseException e)
        {
            return Problem(e);
        }
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, AppDbContext db, UserManager<AppUser> users, string? step, string? department, string? status, string? order, int? take, CancellationToken ct)
    {
        var user = ctx.User;
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
                q = q.Where(c => c.Department == own);
            }
        }
        else
        {
            var id = users.GetUserId(user);
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
                return Invalid("status", $"状态“{status}”无效，可选：{string.Join("、", Enum.GetNames<CaseStatus>())}。");
            q = q.Where(c => c.Status == st);
        }
        var oldest = order switch
        {
            null or "" or "newest" => false,
            "oldest" => true,
            _ => (bool?)null,
        };
        if (oldest is null) return Invalid("order", "排序只能是 newest 或 oldest。");
        q = oldest.Value ? q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Number) : q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number);
        var rows = await q.Take(Math.Clamp(take ?? 50, 1, MaxPage)).ToListAsync(ct);
        return Results.Ok(rows.Select(c => new CaseListItemDto(c.Number, c.ItemCode, c.ItemName, c.Department, c.Mode.ToString(), c.Status.ToString(), c.Outcome,
            c.Steps, c.ApplicantName, c.IntakeDeadline, c.PromisedDeadline, c.StatutoryDeadline, c.DeadlinesProvisional, c.ClockState, c.CreatedAt, c.UpdatedAt)).ToList());
    }

    /// <summary>Null when the signed-in user may see the case; otherwise 404 (applicants: existence is
    /// not revealed) or 403 (staff outside the case's department).</summary>
    private static async Task<IResult?> AccessAsync(string number, HttpContext ctx, AppDbContext db, CancellationToken ct)
    {
        var row = await db.Set<CaseRecord>().AsNoTracking().Where(c => c.Number == number)
            .Select(c => new { c.ApplicantId, c.AgentId, c.Department }).FirstOrDefaultAsync(ct);
        var notFound = Results.Problem(statusCode: 404, title: "未找到", detail: $"办件“{number}”不存在。");
        if (row is null) return notFound;
        var user = ctx.User;
        if (IsStaff(user))
            return DepartmentAuthorizationHandler.CanActIn(user, row.Department)
                ? null
                : Results.Problem(statusCode: 403, title: "无权访问", detail: $"该办件属于“{row.Department}”，您只能办理本部门的办件。");
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is not null && (row.ApplicantId == id || row.AgentId == id) ? null : notFound;
    }

    private static bool IsStaff(ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    /// <summary>The acting person: one role claim, the department claim, the display name, the client address.</summary>
    public static CaseActor? ActorFor(HttpContext ctx)
    {
        var user = ctx.User;
        var role = user.FindAll(ClaimTypes.Role).Select(c => c.Value).FirstOrDefault(Roles.All.Contains);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (role is null || id is null) return null;
        var name = user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? id;
        return new CaseActor(id, name, role, user.FindFirstValue(Roles.DepartmentClaim), ctx.Connection.RemoteIpAddress?.ToString());
    }

    private static async Task<CaseSummaryDto> SummaryAsync(string number, CaseService cases, AppDbContext db, DocumentOptions options, CancellationToken ct)
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
            docs.Select(d => new CaseDocumentDto(d.Kind.ToString(), d.Title, d.DocumentNumber, d.VerificationCode, options.VerificationUrl(d.VerificationCode), d.SignedAt, d.RevokedAt is not null)).ToList(),
            record.CreatedAt, record.UpdatedAt);
    }

    private static DeadlineDto? Dto(ClockDeadline? d) => d is null ? null : new DeadlineDto(d.Date, d.Provisional, d.Projected);

    /// <summary>Only scalars (text, numbers, yes/no, null) are accepted as case data.</summary>
    private static bool TryReadData(Dictionary<string, JsonElement>? raw, out Dictionary<string, object?>? data, out IResult? error)
    {
        data = new Dictionary<string, object?>();
        error = null;
        if (raw is null) return true;
        foreach (var (key, e) in raw)
        {
            object? value;
            switch (e.ValueKind)
            {
                case JsonValueKind.String: value = e.GetString(); break;
                case JsonValueKind.True: value = true; break;
                case JsonValueKind.False: value = false; break;
                case JsonValueKind.Null: value = null; break;
                case JsonValueKind.Number when e.TryGetDecimal(out var d): value = d; break;
                default:
                    error = Invalid($"data.{key}", $"数据项“{key}”只能是文字、数字、是/否或空值。");
                    return false;
            }
            data[key] = value;
        }
        return true;
    }

    /// <summary>A CaseException as ProblemDetails with its status; a 400 names the field(s) at fault.</summary>
    public static IResult Problem(CaseException e)
    {
        if (e.Status == StatusCodes.Status400BadRequest)
        {
            var fields = e.Field is { Length: > 0 } f ? [f] : MissingFields(e.Message);
            if (fields.Count > 0)
                return Results.ValidationProblem(fields.ToDictionary(x => x, _ => new[] { e.Message }), detail: e.Message, title: "请求有误");
        }
        return Results.Problem(statusCode: e.Status, title: StatusCodePages.TitleFor(e.Status), detail: e.Message);
    }

    /// <summary>The engine reports missing required data as “缺少必填数据：a、b” without a field; the
    /// API names those keys in <c>errors</c> so that clients can mark the inputs.</summary>
    private static List<string> MissingFields(string message)
    {
        var m = MissingPattern().Match(message);
        return m.Success ? m.Groups[1].Value.Split('、', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : [];
    }

    [GeneratedRegex(@"缺少必填数据：\s*(.+?)\s*$")]
    private static partial Regex MissingPattern();

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: message, title: "请求有误");

    private static IResult NoRole() => Results.Problem(statusCode: 403, title: "无权访问", detail: "您的账号没有可办理办件的角色。");
}
