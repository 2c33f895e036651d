using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Testing;

/// <summary>Drives cases through the real CaseService as the demo users, each call in its own scope
/// (as separate requests would be).</summary>
public sealed class CaseTestKit(IServiceProvider services)
{
    /// <summary>Polls the journal until an action appears.</summary>
    public async Task<List<CaseJournalEntry>> WaitForJournalAsync(string number, string action, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            var journal = await JournalAsync(number);
            if (journal.Any(j => j.Action == action) || DateTime.UtcNow > until) return journal;
            await Task.Delay(250);
        }
    }

    public async Task<CaseActor> ActorAsync(string userName)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
        var role = (await users.GetRolesAsync(user)).Single();
        return new CaseActor(user.Id, user.DisplayName, role, user.Department, "127.0.0.1");
    }

    public async Task<CaseRecord> SubmitAsync(string applicant, string itemCode, CaseMode mode = CaseMode.Normal, Dictionary<string, object?>? data = null)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByNameAsync(applicant))!;
        return await scope.ServiceProvider.GetRequiredService<CaseService>()
            .SubmitAsync(itemCode, mode, user, data ?? new() { ["projectName"] = "清远高新区测试项目" }, await ActorAsync(applicant));
    }

    public async Task<CaseRecord> ActAsync(string number, string userName, string action, Dictionary<string, object?>? data = null, long? expectedVersion = null, string? stepId = null)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseService>().ActAsync(number, action, await ActorAsync(userName), data, expectedVersion, stepId);
    }

    public async Task<(CaseRecord Record, ApprovalCenter.Workflow.WorkflowInstance Instance, ApprovalCenter.Clock.CaseClock Clock)> GetAsync(string number)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseService>().GetAsync(number);
    }

    public async Task<List<CaseJournalEntry>> JournalAsync(string number)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var id = await db.Set<CaseRecord>().Where(c => c.Number == number).Select(c => c.Id).SingleAsync();
        return await db.Set<CaseJournalEntry>().Where(j => j.CaseId == id).OrderBy(j => j.Id).ToListAsync();
    }

    /// <summary>Polls until the condition holds on the stored case (timers fire on Hangfire's and the sweeper's threads).</summary>
    public async Task<CaseRecord> WaitForAsync(string number, Func<CaseRecord, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(40));
        while (true)
        {
            using var scope = services.CreateScope();
            var record = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<CaseRecord>().AsNoTracking().SingleAsync(c => c.Number == number);
            if (condition(record) || DateTime.UtcNow > until) return record;
            await Task.Delay(250);
        }
    }
}
