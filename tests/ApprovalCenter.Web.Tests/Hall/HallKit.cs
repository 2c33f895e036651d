using ApprovalCenter.Hall;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Hall;

/// <summary>Hall operations in their own DI scope, as a request would run them.</summary>
public sealed class HallKit(AppFactory app)
{
    /// <summary>Monday 2026-12-07 and the Saturday after it (both ordinary days in the shipped calendar).</summary>
    public static DateTimeOffset Monday(int h = 10, int min = 0) => TestClock.China(2026, 12, 7, h, min);
    public static DateTimeOffset Saturday(int h = 10) => TestClock.China(2026, 12, 12, h);

    public async Task<T> RunAsync<T>(Func<HallOperations, Task<T>> op)
    {
        using var scope = app.Services.CreateScope();
        return await op(scope.ServiceProvider.GetRequiredService<HallOperations>());
    }

    public async Task RunAsync(Func<HallOperations, Task> op)
    {
        using var scope = app.Services.CreateScope();
        await op(scope.ServiceProvider.GetRequiredService<HallOperations>());
    }

    public async Task<T> DbAsync<T>(Func<AppDbContext, Task<T>> q)
    {
        using var scope = app.Services.CreateScope();
        return await q(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public async Task<T> AppointmentsAsync<T>(Func<HallAppointments, Task<T>> op)
    {
        using var scope = app.Services.CreateScope();
        return await op(scope.ServiceProvider.GetRequiredService<HallAppointments>());
    }

    public Task<HallTicket> KioskAsync(string service) => RunAsync(h => h.IssueAsync(service, TicketSource.Kiosk, HallActor.Kiosk));

    /// <summary>The refusal of an operation that must be refused.</summary>
    public static async Task<HallException> RefusedAsync(Func<Task> op)
    {
        try { await op(); }
        catch (HallException e) { return e; }
        Assert.Fail("expected the hall to refuse");
        throw new InvalidOperationException();
    }

    public static HallActor Clerk(int i) => new($"clerk-{i}", $"窗口人员{i}");
}
