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

    /// <summary>A complete application as the portal would submit it: the applicant's details, a
    /// stored PDF for every material (the tolerable ones left out in the tolerance and commitment
    /// modes) and the mode's declaration signed. <paramref name="data"/> adds or overrides answers.</summary>
    public async Task<CaseRecord> SubmitAsync(string applicant, string itemCode, CaseMode mode = CaseMode.Normal, Dictionary<string, object?>? data = null, string? renewsLicence = null)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        var user = (await sp.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(applicant))!;
        var item = (await sp.GetRequiredService<ApprovalCenter.Catalog.CatalogProvider>().GetAsync()).Catalog.Find(itemCode)
            ?? throw new InvalidOperationException(itemCode);
        var answers = new Dictionary<string, object?>
        {
            ["applicantName"] = user.DisplayName, ["applicantCode"] = user.CreditCode ?? user.IdNumber ?? "441802199001011239",
            ["applicantContact"] = "李四", ["applicantPhone"] = "13800000000", ["applicantAddress"] = "清远市高新区创兴大道1号",
            ["projectName"] = "清远高新区测试项目", ["projectLocation"] = "清远高新区百嘉工业园",
        };
        foreach (var (k, v) in data ?? []) answers[k] = v;
        var store = sp.GetRequiredService<ApprovalCenter.Uploads.FileStore>();
        var materials = new List<AttachedMaterial>();
        foreach (var m in item.Materials.Where(m => m.Type == ApprovalCenter.Catalog.MaterialType.Core || mode is not (CaseMode.Tolerance or CaseMode.Commitment)))
        {
            var file = await store.SaveAsync($"{m.Name}.pdf", Pdf(m.Name), user.Id);
            materials.Add(new AttachedMaterial(m.Name, file.Id));
        }
        var application = new CaseApplication(itemCode, mode, answers, materials, SignedTexts.For(mode).Version, RenewsLicence: renewsLicence);
        return await sp.GetRequiredService<CaseService>().SubmitAsync(application, user, await ActorAsync(applicant));
    }

    /// <summary>A small well-formed PDF (header, one object, trailer with startxref): passes the content
    /// check, which since the web-edge merge also wants "startxref" before "%%EOF".</summary>
    public static byte[] Pdf(string text = "material") =>
        System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4\n% {text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n");

    public async Task<CaseRecord> ActAsync(string number, string userName, string action, Dictionary<string, object?>? data = null, long? expectedVersion = null, string? stepId = null)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, action, data, expectedVersion, stepId), await ActorAsync(userName));
    }

    /// <summary>The applicant hands in every requested material (a one-time notice's or the tolerated
    /// ones) as stored PDFs, through the handler like the case page does.</summary>
    public async Task<CaseRecord> SupplementAsync(string number, string applicant = "company", string action = "supplement")
    {
        var (_, instance, _) = await GetAsync(number);
        var requested = ApprovalCenter.Cases.Actions.MaterialLines.Parse(instance.Data.GetValueOrDefault("missingMaterials") as string);
        using var scope = services.CreateScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(applicant))!;
        var store = scope.ServiceProvider.GetRequiredService<ApprovalCenter.Uploads.FileStore>();
        var files = new List<AttachedMaterial>();
        foreach (var (material, _) in requested)
            files.Add(new AttachedMaterial(material, (await store.SaveAsync($"{material}.pdf", Pdf(material), user.Id)).Id));
        return await scope.ServiceProvider.GetRequiredService<CaseService>().ActAsync(new CaseCommand(number, action, Files: files), await ActorAsync(applicant));
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
