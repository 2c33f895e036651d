using ApprovalCenter.Calendar;
using ApprovalCenter.Configuration;

namespace ApprovalCenter.Web.Calendar;

public static class CalendarSetup
{
    public static IServiceCollection AddWorkingCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CalendarProvider>();
        // Service hours are data (appsettings ApprovalCenter:ServiceHours), validated at startup.
        var hours = configuration.GetSection(ApprovalCenterOptions.Section + ":ServiceHours").Get<ServiceHoursSettings>() ?? new();
        services.AddSingleton(hours.ToServiceHours().Validate());
        return services;
    }
}

/// <summary>The bindable form of <see cref="ServiceHours"/> ("HH:mm" strings, ISO dates).</summary>
public sealed class ServiceHoursSettings
{
    public string Open { get; set; } = "09:00";
    public string Close { get; set; } = "17:30";
    public string? AfterHoursUntil { get; set; } = "19:00";
    public string? SaturdayOpen { get; set; } = "09:00";
    public string? SaturdayClose { get; set; } = "12:00";
    public bool SaturdayServiceOnHolidays { get; set; }
    public List<string> ClosedDays { get; set; } = [];

    public ServiceHours ToServiceHours() => new()
    {
        Open = TimeOnly.Parse(Open),
        Close = TimeOnly.Parse(Close),
        AfterHoursUntil = string.IsNullOrEmpty(AfterHoursUntil) ? null : TimeOnly.Parse(AfterHoursUntil),
        SaturdayOpen = string.IsNullOrEmpty(SaturdayOpen) ? null : TimeOnly.Parse(SaturdayOpen),
        SaturdayClose = string.IsNullOrEmpty(SaturdayClose) ? null : TimeOnly.Parse(SaturdayClose),
        SaturdayServiceOnHolidays = SaturdayServiceOnHolidays,
        ClosedDays = ClosedDays.Select(DateOnly.Parse).ToHashSet(),
    };
}
