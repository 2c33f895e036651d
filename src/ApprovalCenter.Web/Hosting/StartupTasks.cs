using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Identity;
using Npgsql;

namespace ApprovalCenter.Web.Hosting;

public static class StartupTasks
{
    /// <summary>Migrates and seeds before the app (and its scheduler) start. Returns false, after
    /// one clear log line, when the database cannot be reached.</summary>
    public static async Task<bool> RunStartupTasksAsync(this WebApplication app, ApprovalCenterOptions options)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ApprovalCenter.Startup");
        try
        {
            using var scope = app.Services.CreateScope();
            var sp = scope.ServiceProvider;
            if (options.Database.MigrateOnStartup)
                await DatabaseMigrator.MigrateAsync(sp.GetRequiredService<AppDbContext>(), log);
            if (sp.GetService<ApprovalCenter.Clock.MovableBusinessClock>() is { } training)
                await ApprovalCenter.Clock.TrainingClock.RefreshAsync(sp.GetRequiredService<AppDbContext>(), training, default);
            ApprovalCenter.Scheduling.RecurringJobs.RegisterAll(sp);
            await IdentitySeeder.SeedRolesAsync(sp);
            await ApprovalCenter.Hall.HallSeeder.SeedAsync(sp.GetRequiredService<AppDbContext>());
            await sp.GetRequiredService<ApprovalCenter.Calendar.CalendarProvider>().ReloadAsync();
            await sp.GetRequiredService<ApprovalCenter.Catalog.CatalogProvider>().InitializeAsync();
            if (options.Features.SeedDemoAccounts)
                await IdentitySeeder.SeedDemoAccountsAsync(sp, log);
            return true;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            var b = new NpgsqlConnectionStringBuilder(options.Database.ConnectionString);
            log.LogCritical("无法连接数据库 {Host}:{Port}（{Reason}）。请先运行 ./build.sh pg-start，或设置 ApprovalCenter__Database__ConnectionString。",
                b.Host, b.Port, e.GetBaseException().Message);
            return false;
        }
    }
}
