using Microsoft.AspNetCore.Antiforgery;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Antiforgery for the cookie-authenticated JSON API: every state-changing call carries the
/// token in the <c>X-CSRF-TOKEN</c> header (or, for forms, the <c>__RequestVerificationToken</c>
/// field). API clients get a token from <c>GET /api/v1/antiforgery</c>; our pages render one.</summary>
public static class ApiAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public sealed record TokenResponse(string Token, string HeaderName);

    /// <summary>Null when the request carries a valid token; otherwise a 400 ProblemDetails to return.</summary>
    public static async Task<IResult?> ValidateAsync(HttpContext ctx, string? detail = null)
    {
        var antiforgery = ctx.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(ctx);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "请求校验失败",
                detail: detail ?? $"缺少或无效的防伪令牌：请先调用 GET /api/v1/antiforgery，并在请求头 {HeaderName} 中带上返回的 token。");
        }
    }

    /// <summary>Endpoint filter form of <see cref="ValidateAsync"/>, for JSON endpoints.</summary>
    public static TBuilder RequireAntiforgeryToken<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) => await ValidateAsync(context.HttpContext) ?? await next(context));

    /// <summary>GET /api/v1/antiforgery: a request token (and its cookie) for the signed-in user.
    /// Fetch it after signing in: the token is bound to the user.</summary>
    public static IEndpointRouteBuilder MapAntiforgeryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/antiforgery", (HttpContext ctx, IAntiforgery antiforgery) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(ctx);
            return Results.Ok(new TokenResponse(tokens.RequestToken!, HeaderName));
        }).WithTags("Account").WithSummary("Antiforgery token for state-changing API calls (send it in X-CSRF-TOKEN)");
        return app;
    }
}
