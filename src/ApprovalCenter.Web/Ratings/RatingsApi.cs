using System.Security.Cryptography;
using System.Text;
using ApprovalCenter.Cases;
using ApprovalCenter.Ratings;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Web.Ratings;

public sealed record CreateRatingRequest(string? CaseNumber, string? Level, List<string>? Reasons, string? Comment, string? Channel, string? RaterName, string? RaterCode);
public sealed record ChangeRatingRequest(string? Level, List<string>? Reasons, string? Comment);
public sealed record WorkOrderStepRequest(string? Outcome, bool? ComplaintValid, string? RaterView);

/// <summary>
/// /api/v1/ratings: list (what the caller may see; the rater's name only for supervisors and
/// administrators), create (applicants online, with the antiforgery header; the 12345 hotline's
/// partner system with <c>X-Partner-Key</c> and channel "12345"), change within 24 h, and work-order steps.
/// Errors are ProblemDetails naming the field, as the pages' error summaries do.
/// </summary>
public static class RatingsApi
{
    public const string PartnerKeyHeader = "X-Partner-Key";

    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/ratings").WithTags("Ratings");
        api.MapGet("", ListAsync).RequireAuthorization().WithSummary("Ratings the caller may see (filters: caseNumber, level, bad)").Produces<List<RatingDto>>();
        api.MapPost("", CreateAsync).AllowAnonymous()
            .WithSummary("Rate a delivered matter (applicants; or the 12345 partner system with X-Partner-Key and channel \"12345\")")
            .Produces<RatingDto>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPut("/{id:guid}", ChangeAsync).RequireAuthorization().RequireAntiforgeryToken().WithSummary("Change one's own rating within 24 hours")
            .Produces<RatingDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/work-orders/{id:long}/steps/{step}", StepAsync).RequireAuthorization().RequireAntiforgeryToken()
            .WithSummary("Do one step of a bad-rating work order: callback, verification, rectification, reportBack (in that order)")
            .ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext ctx, RatingViews views, string? caseNumber, string? level, bool? bad, CancellationToken ct)
    {
        var q = views.Visible(ctx.User);
        if (!string.IsNullOrWhiteSpace(caseNumber)) q = q.Where(r => r.CaseNumber == caseNumber.Trim());
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (!RatingLevels.TryParse(level, out var l)) return CaseProblems.Invalid("level", $"评价等级“{level}”无效，只能是：非常满意、满意、基本满意、不满意、非常不满意。");
            q = q.Where(r => r.Level == l);
        }
        if (bad == true) q = q.Where(r => r.Level == RatingLevel.Dissatisfied || r.Level == RatingLevel.VeryDissatisfied);
        var rows = await q.OrderByDescending(r => r.RatedAt).Take(500).ToListAsync(ct);
        return Results.Ok(rows.Select(r => RatingViews.ToDto(r, ctx.User)).ToList());
    }

    private static async Task<IResult> CreateAsync(CreateRatingRequest? body, HttpContext ctx, RatingService ratings, IOptions<RatingOptions> options, CancellationToken ct)
    {
        if (body is null || string.IsNullOrWhiteSpace(body.CaseNumber)) return CaseProblems.Invalid("caseNumber", "请指明评价的办件编号（caseNumber）。");
        var input = new RatingInput(body.Level, body.Reasons, body.Comment);
        try
        {
            if (ctx.Request.Headers.TryGetValue(PartnerKeyHeader, out var key))
            {
                if (!PartnerKeyValid(key.ToString(), options.Value.PartnerKeys))
                    return Results.Problem(statusCode: 401, title: "需要认证", detail: "合作方密钥无效。");
                if (body.Channel?.Trim() != "12345") return CaseProblems.Invalid("channel", "合作方接口只接收 12345 热线渠道的评价（channel = \"12345\"）。");
                var hotline = await ratings.RateFromHotlineAsync(body.CaseNumber.Trim(), body.RaterName, body.RaterCode, input, ct);
                return Results.Created($"/api/v1/ratings/{hotline.Id}", RatingViews.ToDto(hotline, ctx.User));
            }
            if (ctx.User.Identity?.IsAuthenticated != true) return Results.Problem(statusCode: 401, title: "需要登录", detail: "请先登录后再评价。");
            if (await ApiAntiforgery.ValidateAsync(ctx) is { } bad) return bad;
            if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
            if (!string.IsNullOrWhiteSpace(body.Channel) && body.Channel.Trim() != "online")
                return CaseProblems.Invalid("channel", "网上评价的渠道只能是 online；12345 热线评价由合作方接口提交。");
            var rating = await ratings.RateMatterAsync(body.CaseNumber.Trim(), input, actor, ct);
            return Results.Created($"/api/v1/ratings/{rating.Id}", RatingViews.ToDto(rating, ctx.User));
        }
        catch (CaseException e)
        {
            return CaseProblems.Problem(e);
        }
    }

    private static async Task<IResult> ChangeAsync(Guid id, ChangeRatingRequest? body, HttpContext ctx, RatingService ratings, CancellationToken ct)
    {
        if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
        try { return Results.Ok(RatingViews.ToDto(await ratings.ChangeAsync(id, new RatingInput(body?.Level, body?.Reasons, body?.Comment), actor, ct), ctx.User)); }
        catch (CaseException e) { return CaseProblems.Problem(e); }
    }

    private static async Task<IResult> StepAsync(long id, string step, WorkOrderStepRequest? body, HttpContext ctx, WorkOrderService orders, CancellationToken ct)
    {
        if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
        try
        {
            var order = await orders.ActAsync(id, step, new WorkOrderStepInput(body?.Outcome, body?.ComplaintValid, RaterView: body?.RaterView), actor, ct);
            return Results.Ok(new { order.Id, Step = order.Step.ToString(), StepLabel = WorkOrderFlow.Label(order.Step) });
        }
        catch (CaseException e) { return CaseProblems.Problem(e); }
    }

    /// <summary>Fixed-time comparison, so the key cannot be guessed byte by byte from response times.</summary>
    private static bool PartnerKeyValid(string given, IReadOnlyList<string> keys)
    {
        var g = Encoding.UTF8.GetBytes(given);
        var ok = false;
        foreach (var k in keys.Where(k => !string.IsNullOrEmpty(k)))
            ok |= CryptographicOperations.FixedTimeEquals(g, Encoding.UTF8.GetBytes(k));
        return ok;
    }
}
