using System.Globalization;
using ApprovalCenter.Calendar;
using ApprovalCenter.Web.Hosting;

namespace ApprovalCenter.Web.Calendar;

public sealed record DeadlineResponse(string From, int WorkingDays, string Deadline, bool Provisional);
public sealed record WorkingDaysResponse(string From, string To, int WorkingDays, bool Provisional);

/// <summary>The public calendar API for the service guide and partner apps: anonymous, rate limited.</summary>
public static class CalendarApi
{
    public const int MaxWorkingDays = 1000;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar").RequireRateLimiting(RateLimits.PublicApi).AllowAnonymous();

        api.MapGet("/deadline", async (string? from, string? workingDays, CalendarProvider calendars, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var start = ParseDate(from, "from", errors);
            int n = 0;
            if (string.IsNullOrWhiteSpace(workingDays)) errors["workingDays"] = ["请提供 workingDays（工作日数，1–1000）。"];
            else if (!int.TryParse(workingDays, NumberStyles.None, CultureInfo.InvariantCulture, out n) || n < 1 || n > MaxWorkingDays)
                errors["workingDays"] = [$"workingDays 应为 1 至 {MaxWorkingDays} 之间的整数，收到“{workingDays}”。"];
            if (errors.Count > 0) return Invalid(errors);
            var calendar = await calendars.GetAsync(ct);
            return Guarded("from", () =>
            {
                var r = calendar.AddWorkingDays(start!.Value, n);
                return Results.Ok(new DeadlineResponse(Iso(start.Value), n, Iso(r.Value), r.Provisional));
            });
        }).WithSummary("The date N working days after a start date (the start day is not counted)")
          .Produces<DeadlineResponse>().ProducesValidationProblem();

        api.MapGet("/working-days", async (string? from, string? to, CalendarProvider calendars, CancellationToken ct) =>
        {
            var errors = new Dictionary<string, string[]>();
            var a = ParseDate(from, "from", errors);
            var b = ParseDate(to, "to", errors);
            if (a is { } x && b is { } y && y < x) errors["to"] = [$"to（{Iso(y)}）不得早于 from（{Iso(x)}）。"];
            if (errors.Count > 0) return Invalid(errors);
            var calendar = await calendars.GetAsync(ct);
            // Name the parameter whose date is out of range: from=2026-01-01&to=2037-01-01 is the "to"'s fault.
            return Guarded(e => e.Date == a!.Value ? "from" : "to", () =>
            {
                var r = calendar.CountWorkingDays(a!.Value, b!.Value);
                return Results.Ok(new WorkingDaysResponse(Iso(a.Value), Iso(b.Value), r.Value, r.Provisional));
            });
        }).WithSummary("Working days in (from, to]")
          .Produces<WorkingDaysResponse>().ProducesValidationProblem();

        return app;
    }

    private static DateOnly? ParseDate(string? value, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors[name] = [$"请提供 {name}（日期，格式 YYYY-MM-DD）。"]; return null; }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[name] = [$"{name} 的日期格式应为 YYYY-MM-DD，收到“{value}”。"];
        return null;
    }

    private static IResult Invalid(Dictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "请求参数有误", detail: string.Join(" ", errors.Values.SelectMany(v => v)));

    /// <summary>A date outside the calendar's range is the caller's mistake: 400 naming the parameter.</summary>
    private static IResult Guarded(string parameter, Func<IResult> compute) => Guarded(_ => parameter, compute);

    private static IResult Guarded(Func<CalendarRangeException, string> parameter, Func<IResult> compute)
    {
        try { return compute(); }
        catch (CalendarRangeException e) { return Invalid(new() { [parameter(e)] = [e.Message] }); }
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
