using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Tests.CasesApi;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ApprovalCenter.Web.Tests.Operations;

/// <summary>
/// <c>./build.sh backup</c> and <c>./build.sh restore</c> as an operator runs them: a backup of a live database and
/// data folder, restored into a fresh database and folder, serves every case, its sealed documents (the signature
/// still genuine, since the seal certificate travels in the data folder) and its uploads byte for byte.
/// </summary>
public sealed class BackupRestoreTests
{
    private static async Task<(int Code, string Output)> BuildShAsync(IDictionary<string, string> env, params string[] args)
    {
        var root = Path.GetDirectoryName(Axe.ScriptPath)!;
        while (!File.Exists(Path.Combine(root, "build.sh"))) root = Path.GetDirectoryName(root)!;
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "build.sh"), .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, (await stdout).Trim() + "\n" + await stderr);
    }

    private static Dictionary<string, string> EnvFor(string database, string dataDirectory, string backups)
    {
        var cs = new NpgsqlConnectionStringBuilder(TestDatabase.AdminConnectionString);
        return new()
        {
            ["APPROVALCENTER_PGPORT"] = cs.Port.ToString(), ["APPROVALCENTER_PGPASSWORD"] = cs.Password ?? "",
            ["APPROVALCENTER_DB"] = database, ["APPROVALCENTER_DATA_DIR"] = dataDirectory, ["APPROVALCENTER_BACKUP_DIR"] = backups,
        };
    }

    [Test]
    public async Task A_backup_restored_into_a_fresh_database_serves_every_case_document_and_upload()
    {
        var backups = Directory.CreateTempSubdirectory("ac-backups-").FullName;
        string number, code;
        Guid fileId;
        byte[] original;
        await using (var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7, 9)) })
        {
            var kit = new CaseTestKit(app.Services);
            var c = await kit.SubmitAsync("company", "ZJ-001");
            await kit.ActAsync(c.Number, "clerk", "accept");
            number = c.Number;
            code = (await app.DocumentsAsync(number)).Single().VerificationCode;
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            fileId = (await db.Set<CaseFile>().FirstAsync(f => f.CaseId == c.Id)).StoredFileId;
            var clerk = await CasesApiClient.SignInAsync(app, "clerk");
            original = await clerk.Http.GetByteArrayAsync($"/api/v1/files/{fileId}");

            var (rc, output) = await BuildShAsync(EnvFor(app.DatabaseName, app.DataDirectory, backups), "backup");
            Assert.That(rc, Is.Zero, output);
        }
        var archive = Directory.GetFiles(backups, "approvalcenter-*.tar.gz").Single();

        var restoredDb = TestDatabase.NewName("restored");
        var restoredData = Directory.CreateTempSubdirectory("ac-restored-").FullName;
        var (code2, log) = await BuildShAsync(EnvFor(restoredDb, restoredData, backups), "restore", archive);
        Assert.That(code2, Is.Zero, log);
        var again = await BuildShAsync(EnvFor(restoredDb, restoredData, backups), "restore", archive);
        Assert.That(again.Code, Is.Not.Zero, "an existing database is never overwritten by accident");
        Assert.That(again.Output, Does.Contain("--replace"));

        await using var restored = new AppFactory(restoredDb) { DataDirectory = restoredData, Clock = new TestClock(TestClock.China(2026, 12, 7, 10)) };
        var (record, _, _) = await new CaseTestKit(restored.Services).GetAsync(number);
        Assert.That(record.Steps, Is.Not.Empty);
        var client = restored.CreateClient();
        using var verification = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/documents/{code}/verification"));
        Assert.That(verification.RootElement.GetProperty("valid").GetBoolean(), Is.True, verification.RootElement.ToString());
        var clerkAgain = await CasesApiClient.SignInAsync(restored, "clerk");
        var file = await clerkAgain.Http.GetAsync($"/api/v1/files/{fileId}");
        Assert.That(file.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await file.Content.ReadAsByteArrayAsync(), Is.EqualTo(original), "the upload comes back byte for byte");
        Directory.Delete(backups, recursive: true);
    }
}
