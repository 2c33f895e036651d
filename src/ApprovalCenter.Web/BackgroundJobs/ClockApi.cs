using System.Security.Claims;
using ApprovalCenter.Clock;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.BackgroundJobs;

public sealed record ClockResponse(DateTimeOffset Now, string ChinaTime, bool Movable, bool Moved, double OffsetSeconds);
public sealed record ClockMoveRequest(DateTimeOffset? Now, string? Reason);

/// <summary>GET/PUT /api/v1/admin/clock: the business clock, and moving the training clock forward.
/// Only where the clock is movable (Development or a training install, never Production); elsewhere
/// the PUT answers 404, as if it did not exist.</summary>
public static class ClockApi
{
    public static IEndpointRouteBuilder MapClockApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/admin/clock").WithTags("Administration").RequireAuthorization(Policies.Administration);

        api.MapGet("", (BusinessClock clock) => Results.Ok(Describe(clock)))
            .WithSummary("The business clock: now, and whether it is a movable training clock").Produces<ClockResponse>();

        api.MapPut("", async (ClockMoveRequest? body, HttpContext ctx, BusinessClock clock, CancellationToken ct) =>
        {
            if (clock is not MovableBusinessClock || ctx.RequestServices.GetService<TrainingClock>() is not { } training)
                return Results.Problem(statusCode: 404, title: "培训时钟未启用", detail: "只有开发或培训环境可以拨动业务时钟；生产环境的业务时间就是真实时间。");
            if (body?.Now is not { } target)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["now"] = ["请提供 now（带时区的时间，例如 2026-12-24T09:00:00+08:00）。"] },
                    title: "请求无效");
            try
            {
                var user = ctx.User;
                await training.MoveToAsync(target, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.Identity?.Name ?? "",
                    ctx.Connection.RemoteIpAddress?.ToString(), body.Reason, ct);
                return Results.Ok(Describe(clock));
            }
            catch (ClockMoveException e)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, title: "不能拨动培训时钟");
            }
        }).RequireAntiforgeryToken()
          .WithSummary("Move the training clock forward (Development/training only; journaled)")
          .Produces<ClockResponse>().ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    public static ClockResponse Describe(BusinessClock clock)
    {
        var now = clock.GetUtcNow();
        var movable = clock as MovableBusinessClock;
        return new ClockResponse(now, TrainingClock.China(now), movable is not null, movable?.IsMoved == true, movable?.Offset.TotalSeconds ?? 0);
    }
}
