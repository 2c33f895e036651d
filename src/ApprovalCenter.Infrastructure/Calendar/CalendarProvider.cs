using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Calendar;

/// <summary>Reacts to a calendar year being loaded, e.g. by recomputing provisional deadlines.</summary>
public interface ICalendarChangeHandler
{
    Task OnCalendarChangedAsync(WorkingCalendar calendar, int year, CancellationToken ct);
}

/// <summary>The current working-day calendar: the shipped year files under workflows/calendars,
/// overridden by years uploaded into the database. Each node keeps a derived copy and re-reads the
/// database at most every <see cref="RefreshInterval"/>, so an upload on one node reaches all of them.</summary>
public sealed class CalendarProvider(IServiceScopeFactory scopes, ILogger<CalendarProvider> log)
{
    public static TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
    public static string ShippedDirectory => Path.Combine(AppContext.BaseDirectory, "workflows", "calendars");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<IReadOnlyList<CalendarYear>> _shipped = new(() => LoadShipped(ShippedDirectory));
    private (WorkingCalendar Calendar, DateTime LoadedAt)? _current;

    public async Task<WorkingCalendar> GetAsync(CancellationToken ct = default)
    {
        var snap = _current;
        if (snap is { } s && DateTime.UtcNow - s.LoadedAt < RefreshInterval) return s.Calendar;
        return await ReloadAsync(ct);
    }

    public async Task<WorkingCalendar> ReloadAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var uploaded = await db.Set<CalendarYearRow>().AsNoTracking().ToListAsync(ct);
            var years = _shipped.Value.ToDictionary(y => y.Year);
            foreach (var row in uploaded)
            {
                if (CalendarYearParser.TryParse(row.Json, out var year, out var errors)) years[row.Year] = year!;
                else log.LogError("Uploaded calendar year {Year} is invalid and was skipped: {Errors}", row.Year, string.Join("; ", errors));
            }
            var calendar = WorkingCalendar.Create(years.Values);
            _current = (calendar, DateTime.UtcNow);
            return calendar;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stores an uploaded year, reloads, and lets the handlers recompute what depended on it.</summary>
    public async Task<WorkingCalendar> SaveYearAsync(CalendarYear year, string json, string uploadedBy, CancellationToken ct = default)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var row = await db.Set<CalendarYearRow>().FindAsync([year.Year], ct);
            if (row is null) db.Add(row = new CalendarYearRow { Year = year.Year });
            row.Json = json;
            row.UploadedBy = uploadedBy;
            row.UploadedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync(ct);
        }
        var calendar = await ReloadAsync(ct);
        // The year is saved: what depends on it is carried through to the end even if the uploader
        // goes away (no request token), and one failing handler does not stop the others.
        using (var scope = scopes.CreateScope())
        {
            foreach (var handler in scope.ServiceProvider.GetServices<ICalendarChangeHandler>())
            {
                try { await handler.OnCalendarChangedAsync(calendar, year.Year, CancellationToken.None); }
                catch (Exception e) { log.LogError(e, "Calendar year {Year}: {Handler} failed", year.Year, handler.GetType().Name); }
            }
        }
        log.LogInformation("Calendar year {Year} loaded by {User}", year.Year, uploadedBy);
        return calendar;
    }

    /// <summary>All shipped year files; any invalid file stops startup with every error listed.</summary>
    public static IReadOnlyList<CalendarYear> LoadShipped(string directory)
    {
        if (!Directory.Exists(directory)) throw new InvalidOperationException($"日历数据目录不存在：{directory}");
        var years = new List<CalendarYear>();
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order())
        {
            if (CalendarYearParser.TryParse(File.ReadAllText(file), out var year, out var errors)) years.Add(year!);
            else problems.AddRange(errors.Select(e => $"{Path.GetFileName(file)} {e}"));
        }
        if (problems.Count > 0) throw new InvalidOperationException("工作日历数据有误：" + string.Join("；", problems));
        return years;
    }
}
