using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Bench;

/// <summary>
/// A full case through the HTTP API on real Kestrel (issue 5): submit (company) → accept (clerk) →
/// submit-opinion (reviewer.zj) → approve (chief.zj) → deliver (clerk) → GET the case with its
/// documents (company). Each client is four signed-in HttpClients with their own cookies and
/// antiforgery tokens; sign-in happens before timing. Baseline: 1 client; measured: 16 concurrent
/// clients. Reported: median and p95 wall time per case and cases/s. Cases per client:
/// --http-cases-baseline=N (default 10), --http-cases-each=N (default 4, so 64 cases with 16).
/// </summary>
public sealed class CaseHttpBenchmark : IBenchmark
{
    private const int Clients = 16;
    private static readonly string[] Users = ["company", "clerk", "reviewer.zj", "chief.zj"];

    public string Name => "case-http";
    public string Description => "full case through the HTTP API on Kestrel: median/p95 per case and cases/s, 16 clients vs 1";

    public async Task<string> RunAsync()
    {
        var baselineCases = BenchApp.IntOption("http-cases-baseline", 10);
        var casesEach = BenchApp.IntOption("http-cases-each", 4);
        await using var app = BenchApp.Create("http", kestrel: true);

        var clients = new List<Client>();
        for (var i = 0; i < Clients; i++) clients.Add(await Client.SignInAsync(app.BaseAddress));
        await RunCaseAsync(clients[0]);   // warm-up
        await RunCaseAsync(clients[1]);

        var baseline = await PhaseAsync(clients.Take(1).ToList(), baselineCases);
        var parallel = await PhaseAsync(clients, casesEach);
        foreach (var c in clients) c.Dispose();

        var sb = new StringBuilder();
        sb.AppendLine($"per case             : 6 HTTP calls (submit, accept, submit-opinion, approve, deliver, GET with documents), 3 sealed PDFs, Kestrel on 127.0.0.1, {Environment.ProcessorCount} cores");
        sb.AppendLine(baseline.Line("baseline 1 client   "));
        sb.AppendLine(parallel.Line($"{Clients} clients          "));
        sb.AppendLine($"throughput ratio     : {parallel.CasesPerSecond / baseline.CasesPerSecond:F2}x cases/s; median latency ratio {parallel.Median / baseline.Median:F2}x");
        sb.Append($"documents listed     : every case ended approved with {string.Join("/", parallel.DocumentCounts.Concat(baseline.DocumentCounts).Distinct().Order())} documents, all with verification codes");
        return sb.ToString();
    }

    private sealed record Phase(int ClientCount, List<double> CaseMs, TimeSpan Elapsed, List<int> DocumentCounts)
    {
        public double Median => BenchApp.Percentile(CaseMs, 0.5);
        public double CasesPerSecond => CaseMs.Count / Elapsed.TotalSeconds;
        public string Line(string label) =>
            $"{label}: median {Median,7:F0} ms, p95 {BenchApp.Percentile(CaseMs, 0.95),7:F0} ms per case, {CasesPerSecond,6:F2} cases/s ({CaseMs.Count} cases in {Elapsed.TotalSeconds:F1} s)";
    }

    private static async Task<Phase> PhaseAsync(List<Client> clients, int casesEach)
    {
        var times = new List<double>();
        var docs = new List<int>();
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < casesEach; i++)
            {
                var t = Stopwatch.StartNew();
                var n = await RunCaseAsync(c);
                var ms = t.Elapsed.TotalMilliseconds;
                lock (times) { times.Add(ms); docs.Add(n); }
            }
        })));
        sw.Stop();
        times.Sort();
        return new Phase(clients.Count, times, sw.Elapsed, docs.Distinct().ToList());
    }

    /// <summary>One case end to end; returns how many documents the applicant sees on it.</summary>
    private static async Task<int> RunCaseAsync(Client c)
    {
        var submitted = await c.PostAsync("company", "/api/v1/cases", new { itemCode = "ZJ-001", mode = "Normal", data = new { projectName = "HTTP 基准测试项目" } }, HttpStatusCode.Created);
        var number = submitted.GetProperty("number").GetString()!;
        var version = submitted.GetProperty("workflowVersion").GetInt64();
        var accepted = await c.PostAsync("clerk", $"/api/v1/cases/{number}/actions/accept", new { expectedVersion = version }, HttpStatusCode.OK);
        await c.PostAsync("reviewer.zj", $"/api/v1/cases/{number}/actions/submit-opinion",
            new { data = new { opinion = "符合法定条件" }, expectedVersion = accepted.GetProperty("workflowVersion").GetInt64() }, HttpStatusCode.OK);
        await c.PostAsync("chief.zj", $"/api/v1/cases/{number}/actions/approve", new { }, HttpStatusCode.OK);
        await c.PostAsync("clerk", $"/api/v1/cases/{number}/actions/deliver", new { }, HttpStatusCode.OK);
        var final = await c.Http["company"].GetFromJsonAsync<JsonElement>($"/api/v1/cases/{number}");
        if (final.GetProperty("outcome").GetString() != "approved") throw new InvalidOperationException($"{number} did not end approved");
        var documents = final.GetProperty("documents").EnumerateArray().ToList();
        if (documents.Any(d => string.IsNullOrEmpty(d.GetProperty("verificationCode").GetString()))) throw new InvalidOperationException("document without verification code");
        return documents.Count;
    }

    /// <summary>The four people of one client, each with a cookie jar and an antiforgery token.</summary>
    private sealed class Client : IDisposable
    {
        public Dictionary<string, HttpClient> Http { get; } = [];
        private readonly Dictionary<string, string> _tokens = [];

        public static async Task<Client> SignInAsync(Uri baseAddress)
        {
            var c = new Client();
            foreach (var user in Users)
            {
                var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
                    { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(5) };
                await http.SignInAsync(user, "Demo#2026");
                var token = await http.GetFromJsonAsync<JsonElement>("/api/v1/antiforgery");
                c.Http[user] = http;
                c._tokens[user] = token.GetProperty("token").GetString()!;
            }
            return c;
        }

        public async Task<JsonElement> PostAsync(string user, string url, object body, HttpStatusCode expected)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Add("X-CSRF-TOKEN", _tokens[user]);
            using var response = await Http[user].SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != expected) throw new InvalidOperationException($"{user} POST {url}: {(int)response.StatusCode} {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }

        public void Dispose()
        {
            foreach (var h in Http.Values) h.Dispose();
        }
    }
}
