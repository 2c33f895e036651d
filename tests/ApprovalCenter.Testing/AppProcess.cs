using System.Diagnostics;
using System.Net.Http;

namespace ApprovalCenter.Testing;

/// <summary>The app as a separate OS process (a node), so a test can run two nodes on one database
/// and kill one with SIGKILL, which WebApplicationFactory cannot do. It runs the web project's own
/// build output (./build.sh test builds it before the tests).</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    public string Name { get; }
    public string BaseUrl { get; }
    public string DataDirectory { get; }

    private AppProcess(Process process, string name, string baseUrl, string dataDirectory)
    {
        _process = process; Name = name; BaseUrl = baseUrl; DataDirectory = dataDirectory;
    }

    public static string WebDll
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApprovalCenter.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("ApprovalCenter.sln not found above " + AppContext.BaseDirectory);
#if DEBUG
            const string configuration = "Debug";
#else
            const string configuration = "Release";
#endif
            return Path.Combine(dir.FullName, "src", "ApprovalCenter.Web", "bin", configuration, "net10.0", "ApprovalCenter.Web.dll");
        }
    }

    /// <summary>Starts a node on <paramref name="database"/> (already migrated) and waits until /healthz answers.</summary>
    public static async Task<AppProcess> StartAsync(string name, string database, IDictionary<string, string>? settings = null)
    {
        var port = FreePort.Next();
        var data = Directory.CreateTempSubdirectory("ac-node-").FullName;
        var dll = WebDll;
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = info.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["ApprovalCenter__Database__ConnectionString"] = TestDatabase.ConnectionStringFor(database);
        env["ApprovalCenter__Database__Password"] = "";
        env["ApprovalCenter__DataDirectory"] = data;
        env["ApprovalCenter__Scheduler__InstanceId"] = name;
        env["ApprovalCenter__Scheduler__ProbeTimers"] = "true";
        env["ApprovalCenter__Features__SeedDemoAccounts"] = "false";   // the test's own factory seeded the database
        env["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in settings ?? new Dictionary<string, string>()) env[k] = v;
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
        var log = Path.Combine(data, "node.log");
        _ = Task.Run(async () => { await using var f = File.AppendText(log); while (await process.StandardOutput.ReadLineAsync() is { } line) await f.WriteLineAsync(line); });
        _ = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is { } line) TestContext.Progress.WriteLine($"[{name}] {line}"); });
        var node = new AppProcess(process, name, $"http://127.0.0.1:{port}", data);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited) throw new InvalidOperationException($"node {name} exited with {process.ExitCode}");
            try { if ((await http.GetAsync(node.BaseUrl + "/healthz")).IsSuccessStatusCode) return node; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        await node.DisposeAsync();
        throw new TimeoutException($"node {name} did not answer /healthz within 90 s");
    }

    /// <summary>SIGKILL: no graceful shutdown, no lock released, no job handed back.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        await Task.Yield();
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
