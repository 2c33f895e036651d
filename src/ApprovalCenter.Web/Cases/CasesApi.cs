using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Identity;

namespace ApprovalCenter.Web.Cases;

/// <summary>
/// /api/v1/cases: route mapping and thin handlers over <see cref="CaseService"/> (writes) and
/// <see cref="CaseQueries"/> (reads). Cookie-authenticated; POSTs need the antiforgery header (see
/// <see cref="ApiAntiforgery"/>). Applicants never learn whether someone else's case exists (404, not
/// 403); staff outside the case's department get 403. Errors are ProblemDetails; 400s name the
/// field in <c>errors</c>, exactly as the staff page's error summary does.
/// </summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        app.MapAntiforgeryApi();
        var api = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization();
        api.MapPost("", SubmitAsync).RequireAuthorization(Policies.Applicant).RequireAntiforgeryToken()
            .WithSummary("Submit an application (applicants): answers, materials (uploaded file ids) and the signed declaration version")
            .Produces<CaseSummaryDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(403);
        api.MapGet("", (HttpContext ctx, CaseQueries queries, string? step, string? department, string? status, string? order, int? take, CancellationToken ct) =>
                queries.ListAsync(ctx.User, step, department, status, order, take, ct))
            .WithSummary("Staff: the queue (filter by step, department, status); applicants: their own cases")
            .Produces<List<CaseListItemDto>>();
        api.MapGet("/{number}", GetAsync).WithSummary("One case: steps, deadlines, clock, documents, workflow version")
            .Produces<CaseSummaryDto>().ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/{number}/actions/{action}", ActAsync).RequireAntiforgeryToken()
            .WithSummary("Act on a case (accept, submit-opinion, approve, deliver, choose-delivery, ...); only the action's declared inputs are accepted; expectedVersion guards against concurrent changes")
            .Produces<CaseSummaryDto>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> SubmitAsync(SubmitCaseRequest? body, HttpContext ctx, CaseService cases, CaseQueries queries, UserManager<AppUser> users, CancellationToken ct)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.ItemCode)) return CaseProblems.Invalid("itemCode", "请指明申请的事项编码（itemCode）。");
        var mode = CaseMode.Normal;
        if (!string.IsNullOrEmpty(body.Mode) && (!Enum.TryParse(body.Mode, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(body.Mode, out _)))
            return CaseProblems.Invalid("mode", $"办理方式“{body.Mode}”无效，可选：{string.Join("、", Enum.GetNames<CaseMode>())}。");
        if (!CaseProblems.TryReadData(body.Data, out var data, out var dataError)) return dataError!;
        var user = await users.GetUserAsync(ctx.User);
        if (user is null) return Results.Problem(statusCode: 401, title: "需要登录", detail: "请先登录后再调用此接口。");
        if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
        try
        {
            var application = new CaseApplication(body.ItemCode.Trim(), mode, data, CaseProblems.Materials(body.Materials), body.Declaration?.Trim(), RenewsLicence: body.RenewsLicence);
            var record = await cases.SubmitAsync(application, user, actor, ct);
            return Results.Created($"/api/v1/cases/{Uri.EscapeDataString(record.Number)}", await queries.SummaryAsync(record.Number, ct));
        }
        catch (CaseException e)
        {
            return CaseProblems.Problem(e);
        }
    }

    private static async Task<IResult> GetAsync(string number, HttpContext ctx, CaseQueries queries, CancellationToken ct)
    {
        if (await queries.AccessAsync(number, ctx.User, ct) is { } denied) return denied;
        try { return Results.Ok(await queries.SummaryAsync(number, ct)); }
        catch (CaseException e) { return CaseProblems.Problem(e); }
    }

    private static async Task<IResult> ActAsync(string number, string action, CaseActionRequest? body, HttpContext ctx, CaseService cases, CaseQueries queries, CancellationToken ct)
    {
        if (await queries.AccessAsync(number, ctx.User, ct) is { } denied) return denied;
        if (!CaseProblems.TryReadData(body?.Data, out var data, out var dataError)) return dataError!;
        if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
        try
        {
            var command = new CaseCommand(number, action, data, body?.ExpectedVersion, string.IsNullOrWhiteSpace(body?.StepId) ? null : body.StepId,
                body?.Files is null ? null : CaseProblems.Materials(body.Files));
            await cases.ActAsync(command, actor, ct);
            return Results.Ok(await queries.SummaryAsync(number, ct));
        }
        catch (CaseException e)
        {
            return CaseProblems.Problem(e);
        }
    }
}
