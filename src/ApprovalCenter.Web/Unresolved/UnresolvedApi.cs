using System.Security.Cryptography;
using System.Text;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Unresolved;
using ApprovalCenter.Web.Cases;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Web.Unresolved;

/// <summary>/api/v1/unresolved: the same operations as the pages, over <see cref="UnresolvedService"/>,
/// with ProblemDetails naming the field. Staff and applicants use their cookie (POSTs need the
/// antiforgery header); the 12345 platform posts its replies with an API key from configuration.</summary>
public static class UnresolvedApi
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IEndpointRouteBuilder MapUnresolvedApi(this IEndpointRouteBuilder app)
    {
        // The partner endpoint: no cookie, no antiforgery; the key is the authentication.
        app.MapPost("/api/v1/unresolved/hotline/replies", HotlineReplyAsync).WithTags("Unresolved").AllowAnonymous()
            .WithSummary("12345 platform: the reply to a hand-off (header X-Api-Key)")
            .Produces<MatterDto>().ProducesValidationProblem().ProducesProblem(401).ProducesProblem(404).ProducesProblem(409);

        var api = app.MapGroup("/api/v1/unresolved").WithTags("Unresolved").RequireAuthorization();
        api.MapGet("", ListAsync).RequireAuthorization(Policies.Staff).WithSummary("Staff: open 办不成事 matters, overdue first (filter=Open|Overdue|Warning|Closed|Referred|All)");
        api.MapGet("/{number}", GetAsync).WithSummary("One matter: parties, hand-offs, journal").Produces<MatterDto>().ProducesProblem(404);
        api.MapPost("", IntakeAsync).RequireAntiforgeryToken().WithSummary("Intake: staff at the window, applicants online")
            .Produces<MatterDto>(201).ProducesValidationProblem();
        api.MapPost("/{number}/{action}", ActAsync).RequireAuthorization(Policies.Staff).RequireAntiforgeryToken()
            .WithSummary("dispatch | note | reply | answer | callback").Produces<MatterDto>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);
        return app;
    }

    private static async Task<IResult> ListAsync(string? filter, UnresolvedQueries queries, CancellationToken ct)
    {
        var f = UnresolvedQueries.Filter.Open;
        if (!string.IsNullOrEmpty(filter) && (!Enum.TryParse(filter, true, out f) || !Enum.IsDefined(f) || int.TryParse(filter, out _)))
            return CaseProblems.Invalid("filter", $"筛选条件“{filter}”无效，可选：{string.Join("、", Enum.GetNames<UnresolvedQueries.Filter>())}。");
        var rows = await queries.ListAsync(f, null, ct);
        return Results.Ok(rows.Select(r => new { r.Number, r.PersonName, Channel = r.Channel.ToString(), Status = r.Status.ToString(),
            r.ReceivedAt, ClosingDeadline = r.ClosingDeadline?.ToString("yyyy-MM-dd"), DeadlineState = r.State.ToString(), r.Parties, r.Reopens }));
    }

    private static async Task<IResult> GetAsync(string number, HttpContext ctx, UnresolvedQueries queries, CancellationToken ct)
    {
        var detail = await queries.DetailAsync(number, ct);
        // An applicant never learns whether someone else's matter exists.
        if (detail is null || (!IsStaff(ctx) && detail.Matter.ApplicantUserId != CaseActors.UserId(ctx.User)))
            return Results.Problem(statusCode: 404, title: "未找到", detail: $"未找到办不成事反映“{number}”。");
        return Results.Ok(MatterDto.From(detail));
    }

    private static async Task<IResult> IntakeAsync(IntakeRequest? body, HttpContext ctx, UnresolvedService service, UnresolvedQueries queries, CancellationToken ct)
    {
        if (body is null) return CaseProblems.Invalid("body", "请求体应为 JSON 对象。");
        if (CaseActors.From(ctx) is not { } actor) return CaseProblems.NoRole();
        var staff = IsStaff(ctx);
        if (!staff && !ctx.User.IsInRole(Roles.Applicant)) return CaseProblems.NoRole();
        try
        {
            var matter = await service.IntakeAsync(body.ToIntake(), staff ? MatterChannel.Window : MatterChannel.Online, actor, staff ? null : actor.UserId, ct);
            return Results.Created($"/api/v1/unresolved/{matter.Number}", MatterDto.From((await queries.DetailAsync(matter.Number, ct))!));
        }
        catch (UnresolvedException e) { return UnresolvedWeb.Problem(e); }
    }

    private static async Task<IResult> ActAsync(string number, string action, MatterActionRequest? body, HttpContext ctx, UnresolvedService service, UnresolvedQueries queries, CancellationToken ct)
    {
        body ??= new MatterActionRequest(null, null, null, null, null, null, null, null);
        var actor = CaseActors.Require(ctx);
        try
        {
            switch (action)
            {
                case "dispatch": await service.DispatchAsync(number, new DispatchInput(body.Departments, body.OutsideBodies, body.HotlineCategory, body.Note), actor, body.ExpectedVersion, ct); break;
                case "note": await service.NoteAsync(number, body.PartyId, body.Text, actor, ct); break;
                case "reply":
                    if (body.PartyId is not { } party) return CaseProblems.Invalid("partyId", "请指明答复的承办单位（partyId）。");
                    await service.ReplyAsync(number, party, body.Text, actor, ct); break;
                case "answer": await service.AnswerAsync(number, body.Text, actor, body.ExpectedVersion, ct); break;
                case "callback": await service.CallbackAsync(number, body.Satisfied, body.Text, actor, body.ExpectedVersion, ct); break;
                default: return Results.Problem(statusCode: 404, title: "未找到", detail: $"没有操作“{action}”，可选：dispatch、note、reply、answer、callback。");
            }
            return Results.Ok(MatterDto.From((await queries.DetailAsync(number, ct))!));
        }
        catch (UnresolvedException e) { return UnresolvedWeb.Problem(e); }
    }


    private static async Task<IResult> HotlineReplyAsync(HttpContext ctx, UnresolvedService service, UnresolvedQueries queries, IOptions<UnresolvedOptions> options, CancellationToken ct)
    {
        if (!KeyMatches(options.Value.Hotline.InboundApiKey, ctx.Request.Headers[ApiKeyHeader].ToString()))
            return Results.Problem(statusCode: 401, title: "未认证", detail: $"请在请求头 {ApiKeyHeader} 中提供有效的接口密钥。");
        HotlineReplyRequest? body;
        try { body = await ctx.Request.ReadFromJsonAsync<HotlineReplyRequest>(ct); }
        catch (System.Text.Json.JsonException) { return CaseProblems.Invalid("body", "请求体不是有效的 JSON。"); }
        catch (InvalidOperationException) { return CaseProblems.Invalid("body", "请求体应为 application/json。"); }
        if (body is null) return CaseProblems.Invalid("body", "请求体应为 JSON 对象。");
        if (string.IsNullOrWhiteSpace(body.MatterNumber)) return CaseProblems.Invalid("matterNumber", "请提供反映编号（matterNumber）。");
        if (body.PartyId is not { } partyId) return CaseProblems.Invalid("partyId", "请提供推送时收到的 partyId。");
        var detail = await queries.DetailAsync(body.MatterNumber.Trim(), ct);
        if (detail is null) return Results.Problem(statusCode: 404, title: "未找到", detail: $"未找到办不成事反映“{body.MatterNumber}”。");
        var party = detail.Matter.Parties.FirstOrDefault(p => p.Id == partyId);
        if (party is null || party.Kind != PartyKind.Hotline12345)
            return CaseProblems.Invalid("partyId", "partyId 不是该反映推送给 12345 热线平台的承办记录。");
        var who = string.IsNullOrWhiteSpace(body.HandledBy) ? UnresolvedTexts.HotlineName : $"{UnresolvedTexts.HotlineName}（{body.HandledBy.Trim()[..Math.Min(body.HandledBy.Trim().Length, 40)]}）";
        try
        {
            await service.ReplyAsync(detail.Matter.Number, partyId, body.Reply, new CaseActor("hotline12345", who, "Partner", null, ctx.Connection.RemoteIpAddress?.ToString()), ct);
            return Results.Ok(MatterDto.From((await queries.DetailAsync(detail.Matter.Number, ct))!));
        }
        catch (UnresolvedException e) { return UnresolvedWeb.Problem(e); }
    }

    /// <summary>Constant-time comparison of SHA-256 digests (equal length whatever was sent); no key configured means no access.</summary>
    public static bool KeyMatches(string? expected, string? given)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(given)) return false;
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
    }

    private static bool IsStaff(HttpContext ctx) => Roles.Staff.Any(ctx.User.IsInRole);
}
