using System.Text.Json;
using ApprovalCenter.Calendar;
using ApprovalCenter.Hall;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Hall;

public sealed record TicketRequest(string? Service);
public sealed record CheckInRequest(string? CodeOrId);
public sealed record CounterRequest(int? Counter, string? Number, string? Service, string? IdNumber, string? ToQueue, int? ToCounter, string? Note, string? CaseNumber);
public sealed record WorkProfileRequest(IReadOnlyList<string>? Queues);
public sealed record BookingRequest(string? Service, DateTimeOffset? Slot, Guid? Replacing);
public sealed record ServiceDto(string Id, string Name, string Prefix, bool Open, string Hours, DateTimeOffset? NextOpening, int Waiting, string? Link);
public sealed record CallDto(string Ticket, int Counter, string CounterName, string Text, DateTimeOffset At);
public sealed record DisplaySnapshot(DateTimeOffset Now, IReadOnlyList<CallDto> Calls, IReadOnlyList<ServiceDto> Services);
public sealed record CounterState(int? Counter, string? CounterName, TicketView? Current, int Waiting);

/// <summary>/api/v1/hall: the same operations as the hall pages, with ProblemDetails (the field at fault named).</summary>
public static class HallApi
{
    public static IEndpointRouteBuilder MapHallApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hall").WithTags("Hall");
        api.MapGet("/services", async (HallOperations hall, CancellationToken ct) => Results.Ok(await ServicesAsync(hall, ct)))
            .WithSummary("Services with whether they take tickets now, the next opening time and the waiting count");
        api.MapPost("/tickets", async (TicketRequest body, HttpContext ctx, HallOperations hall, ServiceHours sh, CancellationToken ct) =>
        {
            var online = ctx.User.IsInRole(ApprovalCenter.Identity.Roles.Applicant);
            return await Run(async () => Results.Created((string?)null, await TicketView.BuildAsync(
                await hall.IssueAsync(body.Service, online ? TicketSource.Online : TicketSource.Kiosk, HallActors.From(ctx), online ? Cases.CaseActors.UserId(ctx.User) : null, ct: ct), hall, sh, ct)));
        }).RequireAntiforgeryToken().WithSummary("Take a ticket (kiosk, or online for today when signed in as an applicant)");
        api.MapGet("/tickets/{code}", async (string code, HallOperations hall, ServiceHours sh, CancellationToken ct) =>
            await hall.TicketByCodeAsync(code, ct) is { } t ? Results.Ok(await TicketView.BuildAsync(t, hall, sh, ct)) : Results.Problem(statusCode: 404, title: "未找到", detail: "没有这张号票。"))
            .WithSummary("One ticket: position, estimated wait, called to which counter");
        api.MapPost("/checkin", async (CheckInRequest body, HallAppointments appts, HallOperations hall, ServiceHours sh, CancellationToken ct) =>
            await Run(async () => Results.Created((string?)null, await TicketView.BuildAsync(await appts.CheckInAsync(body.CodeOrId, ct), hall, sh, ct))))
            .RequireAntiforgeryToken().WithSummary("Check in an appointment by booking code or ID number");
        api.MapGet("/display", async (HallOperations hall, CancellationToken ct) => Results.Ok(await SnapshotAsync(hall, ct)))
            .WithSummary("What the hall display shows: latest calls, waiting per service, the time");
        api.MapGet("/display/events", HallSse.StreamAsync).WithSummary("Server-Sent Events: every call, ticket and update, from any node");

        var counter = api.MapGroup("/counter").RequireAuthorization(Policies.Clerk);
        counter.MapGet("", async (HttpContext ctx, HallOperations hall, ServiceHours sh, CancellationToken ct) => Results.Ok(await CounterStateAsync(ctx, hall, sh, ct)));
        counter.MapPost("/{op}", async (string op, CounterRequest? body, HttpContext ctx, HallOperations hall, ServiceHours sh, CancellationToken ct) =>
        {
            body ??= new CounterRequest(null, null, null, null, null, null, null, null);
            var actor = HallActors.From(ctx);
            return await Run(async () =>
            {
                Task task = op switch
                {
                    "sign-in" => body.Counter is { } c ? hall.SignInAsync(c, actor, ct) : throw HallException.Invalid("counter", "请选择窗口。"),
                    "sign-out" => hall.SignOutAsync(actor, ct),
                    "next" => hall.CallNextAsync(actor, ct),
                    "call" => hall.CallChosenAsync(body.Number, actor, ct),
                    "recall" => hall.RecallAsync(actor, ct),
                    "start" => hall.StartAsync(actor, ct),
                    "no-show" => hall.NoShowAsync(actor, ct),
                    "end" => hall.EndAsync(actor, ct),
                    "park" => hall.ParkAsync(body.Note, actor, ct),
                    "transfer" => hall.TransferAsync(body.ToQueue, body.ToCounter, body.Note, actor, ct),
                    "walk-in" => hall.WalkInAsync(body.Service, body.IdNumber, actor, ct),
                    "identify" => hall.IdentifyAsync(body.IdNumber, actor, ct),
                    "link-case" => hall.LinkCaseAsync(body.CaseNumber, actor, ct),
                    _ => throw HallException.NotFound("op", $"没有“{op}”这个操作。"),
                };
                await task;
                return Results.Ok(await CounterStateAsync(ctx, hall, sh, ct));
            });
        }).RequireAntiforgeryToken().WithSummary("Counter operations: sign-in, next, call, recall, start, no-show, end, park, transfer, walk-in, identify, link-case");

        var appointments = api.MapGroup("/appointments").RequireAuthorization();
        appointments.MapGet("/slots", async (string service, DateOnly day, HallAppointments a, CancellationToken ct) => Results.Ok(await a.SlotsAsync(service, day, ct)));
        appointments.MapPost("", async (BookingRequest body, HttpContext ctx, HallAppointments a, CancellationToken ct) =>
            await Run(async () => Results.Ok(await a.BookAsync(Cases.CaseActors.UserId(ctx.User), body.Service, body.Slot, body.Replacing, ct))))
            .RequireAuthorization(Policies.Applicant).RequireAntiforgeryToken();
        appointments.MapPost("/{id:guid}/cancel", async (Guid id, HttpContext ctx, HallAppointments a, CancellationToken ct) =>
            await Run(async () => { await a.CancelAsync(Cases.CaseActors.UserId(ctx.User), id, ct); return Results.NoContent(); }))
            .RequireAuthorization(Policies.Applicant).RequireAntiforgeryToken();
        api.MapGet("/reports", async (string? period, DateOnly? date, string? by, string? format, HallReports reports, HallOperations hall, CancellationToken ct) =>
        {
            if (!HallReportQuery.TryParse(period, date, by, HallOperations.DayOf(hall.Now()), out var q, out var error))
                return Results.ValidationProblem(new Dictionary<string, string[]> { [error!.Value.Field] = [error.Value.Message] }, detail: error.Value.Message, title: "请求有误");
            var (visits, byHours) = await HallReportTables.BuildAsync(reports, q, ct);
            if (format is null) return Results.Ok(new { visits, hours = byHours });
            if (!Reporting.ReportExport.TryParse(format, out var f))
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [Reporting.ReportExport.FormatError] }, title: "请求有误");
            return Reporting.ReportExport.Result(visits, f, "大厅服务统计");
        }).RequireAuthorization(Policies.Supervision).WithSummary("Hall report: period day|week|month, by service|counter|clerk; format csv|xlsx exports");
        api.MapPut("/work-profiles/{userName}", async (string userName, WorkProfileRequest body, HttpContext ctx, HallOperations hall, CancellationToken ct) =>
            await Run(async () => Results.Ok(await hall.SetWorkProfileAsync(userName, body.Queues, HallActors.From(ctx), ct))))
            .RequireAuthorization(Policies.Administration).RequireAntiforgeryToken()
            .WithSummary("A clerk's work profile: the queues call next draws from, in order (administrators; journaled)");
        var hours = api.MapGroup("/hours").RequireAuthorization(Policies.Administration);
        hours.MapGet("", async (HallOperations hall, CancellationToken ct) => Results.Ok(await hall.SettingsAsync(ct)));
        hours.MapPut("", async (HallSettingsInput body, HttpContext ctx, HallOperations hall, CancellationToken ct) =>
            await Run(async () => Results.Ok(await hall.UpdateSettingsAsync(body, HallActors.From(ctx), ct))))
            .RequireAntiforgeryToken().WithSummary("Change the hall's hours, closures and recall / no-show rules (journaled; expectedVersion guards)");
        return app;
    }

    private static async Task<IResult> Run(Func<Task<IResult>> action)
    {
        try { return await action(); }
        catch (HallException e) { return HallProblems.Problem(e); }
    }

    public static async Task<List<ServiceDto>> ServicesAsync(HallOperations hall, CancellationToken ct)
    {
        var now = hall.Now();
        var queues = await hall.QueuesAsync(ct);
        var waiting = await hall.WaitingCountsAsync(ct);
        var list = new List<ServiceDto>();
        foreach (var s in await hall.ServicesAsync(ct))
        {
            var (open, kind, next) = await hall.ServiceOpenAsync(s.Id, now, ct);
            list.Add(new ServiceDto(s.Id, s.Name, queues.First(q => q.ServiceId == s.Id).Prefix, open, open ? HallHours.KindName(kind) : "暂停取号",
                open ? null : next, waiting.GetValueOrDefault(s.Id), s.Link));
        }
        return list;
    }

    public static async Task<DisplaySnapshot> SnapshotAsync(HallOperations hall, CancellationToken ct) =>
        new(hall.Now(), (await hall.LatestCallsAsync(8, ct)).Select(c => new CallDto(c.TicketNumber, c.CounterId, c.CounterName, c.Text, c.At)).ToList(),
            await ServicesAsync(hall, ct));

    public static async Task<CounterState> CounterStateAsync(HttpContext ctx, HallOperations hall, ServiceHours sh, CancellationToken ct)
    {
        var userId = Cases.CaseActors.UserId(ctx.User);
        var session = await hall.SessionAsync(userId, ct);
        var counters = await hall.CountersAsync(ct);
        var current = await hall.CurrentTicketAsync(userId, ct);
        var counter = counters.FirstOrDefault(c => c.Id == session?.CounterId);
        var waiting = await hall.WaitingCountsAsync(ct);
        return new CounterState(counter?.Id, counter?.Name, current is null ? null : await TicketView.BuildAsync(current, hall, sh, ct),
            counter is null ? 0 : counter.ServiceIds.Sum(s => waiting.GetValueOrDefault(s)));
    }
}

/// <summary>The display's event stream. Each node streams what its LISTEN connection hears, so a
/// call committed on any node reaches every display. The browser's EventSource reconnects by itself.</summary>
public static class HallSse
{
    public static async Task StreamAsync(HttpContext ctx, HallEvents events)
    {
        ctx.Response.Headers.ContentType = "text/event-stream";
        ctx.Response.Headers.CacheControl = "no-cache";
        ctx.Response.Headers["X-Accel-Buffering"] = "no";
        var ct = ctx.RequestAborted;
        var reader = events.Subscribe(ct);
        await ctx.Response.WriteAsync("retry: 2000\n: connected\n\n", ct);
        await ctx.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(ct);
                beat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    var e = await reader.ReadAsync(beat.Token);
                    await ctx.Response.WriteAsync($"event: {e.Kind}\ndata: {JsonSerializer.Serialize(e, HallEvents.Json)}\n\n", ct);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await ctx.Response.WriteAsync(": keep-alive\n\n", ct); // proxies close idle streams
                }
                await ctx.Response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) { }
        catch (System.Threading.Channels.ChannelClosedException) { }
    }
}
