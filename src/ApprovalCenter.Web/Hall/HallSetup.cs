using ApprovalCenter.Configuration;
using ApprovalCenter.Hall;

namespace ApprovalCenter.Web.Hall;

/// <summary>The hall capability: operations, the LISTEN/NOTIFY backplane and the appointment reminder job.</summary>
public static class HallSetup
{
    public static IServiceCollection AddHall(this IServiceCollection services, ApprovalCenterOptions options)
    {
        services.AddScoped<HallOperations>();
        services.AddScoped<HallAppointments>();
        services.AddScoped<HallReports>();
        var cs = options.Database.EffectiveConnectionString();
        services.AddSingleton(sp => new HallEvents(cs, sp.GetRequiredService<ILogger<HallEvents>>()));
        services.AddHostedService(sp => sp.GetRequiredService<HallEvents>());
        ApprovalCenter.Scheduling.RecurringJobs.AddRecurringJob<HallAppointments>(services, HallAppointments.ReminderJobId,
            a => a.SendRemindersAsync(CancellationToken.None), HallAppointments.ReminderCron);
        return services;
    }
}

/// <summary>The acting user as the hall journals them.</summary>
public static class HallActors
{
    public static HallActor From(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true
            ? new HallActor(Cases.CaseActors.UserId(http.User), Cases.CaseActors.DisplayName(http.User))
            : HallActor.Kiosk;
}

/// <summary>Hall refusals as ProblemDetails, naming the field.</summary>
public static class HallProblems
{
    public static IResult Problem(HallException e) => e.Status == 400 && e.Field is not null
        ? Results.ValidationProblem(new Dictionary<string, string[]> { [e.Field] = [e.Message] }, detail: e.Message, title: "请求有误")
        : Results.Problem(statusCode: e.Status, title: Hosting.StatusCodePages.TitleFor(e.Status), detail: e.Message,
            extensions: e.Field is null ? null : new Dictionary<string, object?> { ["field"] = e.Field });
}
