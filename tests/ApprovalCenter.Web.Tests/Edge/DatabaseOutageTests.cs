using System.Net;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using Npgsql;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>When PostgreSQL stops serving the app's database, pages and the API say “try again
/// later” with 503 and Retry-After, for visitors and signed-in users alike; and recover after.</summary>
public sealed class DatabaseOutageTests
{
    [Test]
    public async Task A_database_outage_is_a_503_not_a_500()
    {
        await using var app = new AppFactory();
        using var anonymous = app.CreateBrowserLikeClient();
        using var company = app.CreateBrowserLikeClient();
        await company.SignInAsync("company", IdentitySeeder.DemoPassword);
        Assert.That((await company.GetAsync("/My")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await SetReachableAsync(app.DatabaseName, false);
        try
        {
            foreach (var response in new[] { await anonymous.PostFormAsync("/Account/Login", new Dictionary<string, string> { ["Input.UserName"] = "citizen", ["Input.Password"] = "x" }), await company.GetAsync("/My"), await company.GetAsync("/api/v1/cases") })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), response.RequestMessage!.RequestUri!.ToString());
                Assert.That(response.Headers.RetryAfter, Is.Not.Null);
            }
            var api = await company.GetAsync("/api/v1/cases");
            Assert.That(api.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(await api.Content.ReadAsStringAsync(), Does.Contain("稍后再试"));
            var html = await (await company.GetAsync("/My")).Content.ReadAsStringAsync();
            Assert.That(html, Does.Contain("服务暂时不可用"));
        }
        finally
        {
            await SetReachableAsync(app.DatabaseName, true);
        }
        Assert.That((await company.GetAsync("/My")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the session survives the outage");
    }

    private static string Offline(string database) => database + "_offline";

    /// <summary>Takes the database away (closed to connections, the app's sessions ended, renamed)
    /// as a failed or restarting server would, so the app's next connection fails; or brings it back.</summary>
    private static async Task SetReachableAsync(string database, bool reachable)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.AdminConnectionString);
        await admin.OpenAsync();
        async Task Run(string sql)
        {
            await using var cmd = new NpgsqlCommand(sql, admin);
            await cmd.ExecuteNonQueryAsync();
        }
        if (reachable)
        {
            await Run($"ALTER DATABASE \"{Offline(database)}\" RENAME TO \"{database}\"");
            await Run($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS true");
            return;
        }
        await Run($"ALTER DATABASE \"{database}\" WITH ALLOW_CONNECTIONS false");
        await Run($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        NpgsqlConnection.ClearAllPools();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Run($"ALTER DATABASE \"{database}\" RENAME TO \"{Offline(database)}\"");
                return;
            }
            catch (PostgresException e) when (e.SqlState == "55006" && attempt < 50)
            {
                await Task.Delay(100);   // a terminated backend is still on its way out
            }
        }
    }
}
