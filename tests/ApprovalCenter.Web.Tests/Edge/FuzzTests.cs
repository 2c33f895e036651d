using System.Diagnostics;
using System.Net;
using System.Text;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Tests.Workbench;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>
/// A bounded, seeded fuzz run over the public, applicant, staff and administrator pages and API:
/// odd methods, hostile path segments and query values, forms and JSON bodies with NULs, lone
/// surrogates, wrong types, truncation, bogus charsets and oversize data, mostly with valid
/// antiforgery tokens so that the requests reach the handlers. Whatever the input, the answer is
/// never a 5xx and the connection is never dropped. A failure lists the requests to replay.
/// </summary>
[NonParallelizable]
public sealed class FuzzTests
{
    private const int Seed = 20260509;
    private const int Requests = 3500;

    private sealed record Client(string Name, HttpClient Http, string PageToken, string? ApiToken);

    [Test]
    public async Task Malformed_requests_never_get_a_5xx()
    {
        await using var app = new AppFactory();
        var kit = new CaseTestKit(app.Services);
        var accepted = await kit.SubmitAcceptedAsync();
        var submitted = await kit.SubmitAsync("company", "HB-001");

        var clients = new List<Client> { new("anonymous", app.CreateBrowserLikeClient(), "", null) };
        clients[0] = clients[0] with { PageToken = await clients[0].Http.PageTokenAsync() };
        foreach (var user in new[] { "company", "clerk", "reviewer.zj", "chief.zj", "admin" })
        {
            var http = await app.SignedInAsync(user);
            clients.Add(new(user, http, await http.PageTokenAsync("/Inbox"), await http.ApiTokenAsync()));
        }
        var company = clients.Single(c => c.Name == "company");
        var draftPage = await company.Http.PostFormAsync("/Apply/ZJ-001", new Dictionary<string, string>());
        var draft = draftPage.Headers.Location?.OriginalString.Split('/').ElementAtOrDefault(3) ?? Guid.NewGuid().ToString();

        var values = new Values(accepted.Number, submitted.Number, draft);
        var rng = new Random(Seed);
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Requests; i++)
        {
            var client = clients[rng.Next(clients.Count)];
            var (request, description) = values.Build(rng, client);
            if (request is null) continue;
            try
            {
                using var response = await client.Http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                if ((int)response.StatusCode >= 500) failures.Add($"#{i} {client.Name} {description} → {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
            {
                failures.Add($"#{i} {client.Name} {description} → {e.GetType().Name}: {e.Message}");
            }
        }
        TestContext.Out.WriteLine($"{Requests} requests in {watch.Elapsed.TotalSeconds:0.0} s: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        foreach (var c in clients) c.Http.Dispose();
        Assert.That(failures, Is.Empty, string.Join("\n", failures.Take(40)));
    }

    /// <summary>Where requests go and what they carry.</summary>
    private sealed class Values(string acceptedCase, string submittedCase, string draft)
    {
        private static readonly string[] Paths =
        [
            "/", "/Guide", "/Guide/{item}", "/Apply/{item}", "/verify/{text}", "/Account/Login", "/Account/Register",
            "/Account/LoginWith2fa", "/Account/AccessDenied", "/Account/Manage", "/culture/{text}", "/Error", "/Inbox",
            "/My", "/My/Drafts/{draft}", "/My/Drafts/{draft}/Applicant", "/My/Drafts/{draft}/Project", "/My/Drafts/{draft}/Materials",
            "/My/Drafts/{draft}/Mode", "/My/Drafts/{draft}/Declaration", "/My/Drafts/{draft}/Check", "/My/Cases/{case}",
            "/My/Cases/{case}/Submitted", "/My/Cases/{case}/Documents/{guid}",
            "/Staff/Window", "/Staff/Review", "/Staff/Pickup", "/Staff/Pickup/{case}", "/Staff/Cases/{case}",
            "/Admin", "/Admin/Calendar", "/Admin/Calendar/Upload", "/Admin/Catalog", "/Admin/Catalog/Edit/{item}", "/Admin/Catalog/Import",
            "/Admin/Catalog/Export", "/Admin/Processes", "/Admin/Processes/{text}", "/Admin/Authorisations", "/Supervision", "/Supervision/Compression",
            "/api/v1/catalog/items", "/api/v1/catalog/items/{item}", "/api/v1/catalog/compression", "/api/v1/calendar/deadline",
            "/api/v1/calendar/working-days", "/api/v1/cases", "/api/v1/cases", "/api/v1/cases/{case}", "/api/v1/cases/{case}/actions/{action}",
            "/api/v1/cases/{case}/actions/{action}", "/api/v1/files", "/api/v1/files/{guid}", "/api/v1/me", "/api/v1/notifications",
            "/api/v1/admin/users", "/api/v1/antiforgery", "/readyz", "/healthz", "/no/such/page",
        ];
        private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "POST", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"];
        private static readonly string[] Items = ["ZJ-001", "HB-002", "XX-999", "zj-001", "ZJ-0011"];
        private static readonly string[] Actions = ["accept", "supplement", "claim", "release", "submit-opinion", "approve", "reject", "deliver", "sign", "bogus"];
        private static readonly string[] QueryKeys = ["take", "step", "department", "status", "order", "year", "code", "handler", "returnUrl", "q", "from", "to", "workingDays", "number", "delivered", "culture", "ui-culture", "id", "page"];
        private static readonly string[] FormKeys =
        [
            "Input.UserName", "Input.Password", "Input.RememberMe", "Input.Method", "Input.CollectorName", "Input.CollectorIdNumber", "Input.Relation",
            "Input.TrackingNumber", "Input.ElectronicConfirmed", "Input.Version", "Input.DisplayName", "Input.Kind", "Input.IdNumber", "Input.CreditCode",
            "Act.Action", "Act.Version", "Act.StepId", "Act.Data", "Code", "Json", "Csv", "ItemCode", "Mode", "Version", "projectName", "opinion",
            "Agreed", "Signed", "DeliveryMethod", "MailingAddress", "UserName", "Power", "ValidFrom", "ValidTo", "Reason",
        ];
        private static readonly string[] Hostile =
        [
            "%00", "a%00b", "%09", "%20", "%0d%0a", "%ED%A0%80", "%C3%28", "%FF%FE", "%5C", "..", "%2e%2e%2f", "%3Cscript%3E", "%27--", "%E2%80%AE",
            "%F0%9F%98%80", "-1", "0", "2025", "1999", "99999999999999999999", "1e309", "NaN", "true", "x", "null", "%", "%zz", "%25", "+",
            "2026-02-30", "2026-13-01", "%E4%BD%8F%E5%BB%BA", "%E7%8E%AF%E4%BF%9D", "oldest", "Running", "intake", "Preview", "Save", "Grant",
            "Revoke", "MarkAllRead", "Supplement", "Sign", "Delivery", "Enable", "Disable", "%2F%2Fevil.example", "%2F%5Cevil", "en", "zh-CN",
        ];
        private static readonly string[] JsonBodies =
        [
            "{\"itemCode\":\"ZJ-001\",\"data\":{\"projectName\":\"模糊测试\"}}", "{\"itemCode\":", "{\"itemCode\":5}", "{\"itemCode\":\"ZJ-001\",\"mode\":7}",
            "{\"itemCode\":\"ZJ-001\",\"data\":{\"projectName\":\"a\\u0000b\"}}", "{\"itemCode\":\"ZJ-001\",\"data\":{\"p\":\"\\ud800\"}}",
            "{\"itemCode\":\"\\udc00\"}", "{\"data\":{\"\\u0000\":1}}", "{\"data\":[1,2,3]}", "{\"data\":{\"a\":{\"b\":[{\"c\":1}]}}}", "[]", "null", "\"x\"",
            "{\"expectedVersion\":\"x\"}", "{\"expectedVersion\":1e400}", "{\"expectedVersion\":-1,\"stepId\":\"intake\",\"data\":{}}",
            "{\"data\":{\"department\":\"环保\",\"extended\":true,\"verificationDays\":3000}}", "{\"stepId\":123}", "{,}", "{\"a\":1,}", "{'a':1}",
            "\u00EF\u00BB\u00BF{}", "{\"itemCode\":\"ZJ-001\",\"data\":{\"n\":99999999999999999999999999999999}}",
        ];
        private static readonly string[] ContentTypes =
        [
            "application/json", "application/json; charset=utf-8", "application/json; charset=bogus", "application/json; charset=utf-16",
            "text/plain", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=latin1", "multipart/form-data",
            "multipart/form-data; boundary=", "application/problem+json", "text/json", "application/xml", "%%%", ";;;",
        ];

        public (HttpRequestMessage? Request, string Description) Build(Random rng, Client client)
        {
            var method = Pick(rng, Methods);
            // Mostly where this client may go (so the handlers run), sometimes anywhere.
            var own = Paths.Where(p => Suits(client.Name, p)).ToArray();
            var path = Fill(rng, Pick(rng, rng.Next(5) > 0 && own.Length > 0 ? own : Paths));
            var query = rng.Next(3) == 0 ? "" : "?" + string.Join("&", Enumerable.Range(0, rng.Next(1, 4)).Select(_ => $"{Pick(rng, QueryKeys)}={Value(rng)}"));
            Uri uri;
            try { uri = new Uri(path + query, UriKind.Relative); }
            catch (UriFormatException) { return (null, ""); }
            var request = new HttpRequestMessage(new HttpMethod(method), uri);
            var body = "";
            if (method is "POST" or "PUT" or "PATCH" || rng.Next(10) == 0)
            {
                (request.Content, body) = Body(rng, client, path.StartsWith("/api/"));
                if (client.ApiToken is not null && rng.Next(5) > 0) request.Headers.TryAddWithoutValidation("X-CSRF-TOKEN", path.StartsWith("/api/") ? client.ApiToken : client.PageToken);
            }
            return (request, $"{method} {path}{query} {body}");
        }

        private (HttpContent Content, string Description) Body(Random rng, Client client, bool api)
        {
            switch (rng.Next(api ? 2 : 5))
            {
                case 0:
                {
                    var json = rng.Next(8) switch
                    {
                        0 => "{\"data\":{\"projectName\":\"" + new string('字', 25_000) + "\"}}",
                        1 => new string('[', 200) + new string(']', 200),
                        _ => Pick(rng, JsonBodies),
                    };
                    return (Typed(Encoding.UTF8.GetBytes(json), Pick(rng, ContentTypes[..4])), json.Length > 120 ? json[..120] + "…" : json);
                }
                case 1:
                {
                    var text = rng.Next(2) == 0 ? Pick(rng, JsonBodies) : Form(rng, client);
                    var type = Pick(rng, ContentTypes);
                    return (Typed(Encoding.UTF8.GetBytes(text), type), $"[{type}] {text[..Math.Min(120, text.Length)]}");
                }
                case 2:
                {
                    var boundary = "fuzz" + rng.Next(1000);
                    var parts = new StringBuilder();
                    foreach (var key in Enumerable.Range(0, rng.Next(1, 4)).Select(_ => Pick(rng, FormKeys)))
                        parts.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"{key}\"\r\n\r\n{Uri.UnescapeDataString(Value(rng).Replace("%zz", "zz").Replace("%%", "%25").TrimEnd('%'))}\r\n");
                    if (client.PageToken.Length > 0) parts.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n{client.PageToken}\r\n");
                    parts.Append($"--{boundary}\r\nContent-Disposition: form-data; name=\"file-0\"; filename=\"材料\u202Egpj.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n<html>\r\n");
                    var text = parts.ToString();
                    if (rng.Next(2) == 0) text += $"--{boundary}--\r\n"; else text = text[..rng.Next(text.Length / 2, text.Length)];
                    return (Typed(Encoding.UTF8.GetBytes(text), $"multipart/form-data; boundary={boundary}"), "[multipart]");
                }
                default:
                {
                    var form = Form(rng, client);
                    return (Typed(Encoding.UTF8.GetBytes(form), rng.Next(6) == 0 ? Pick(rng, ContentTypes) : "application/x-www-form-urlencoded"), form.Length > 160 ? form[..160] + "…" : form);
                }
            }
        }

        private static string Form(Random rng, Client client)
        {
            var fields = Enumerable.Range(0, rng.Next(1, 6)).Select(_ => $"{(rng.Next(12) == 0 ? Value(rng) : Pick(rng, FormKeys))}={Value(rng)}").ToList();
            if (client.PageToken.Length > 0 && rng.Next(5) > 0) fields.Add("__RequestVerificationToken=" + Uri.EscapeDataString(client.PageToken));
            if (rng.Next(40) == 0) fields.Add("big=" + new string('x', 90_000));
            return string.Join("&", fields);
        }

        private static HttpContent Typed(byte[] bytes, string type)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.TryAddWithoutValidation("Content-Type", type);
            return content;
        }

        private string Fill(Random rng, string template) => template
            .Replace("{item}", rng.Next(3) == 0 ? Segment(rng) : Pick(rng, Items))
            .Replace("{case}", rng.Next(4) switch { 0 => Segment(rng), 1 => submittedCase, _ => acceptedCase })
            .Replace("{draft}", rng.Next(4) == 0 ? Guid.NewGuid().ToString() : draft)
            .Replace("{guid}", rng.Next(4) == 0 ? Segment(rng) : Guid.NewGuid().ToString())
            .Replace("{action}", rng.Next(4) == 0 ? Segment(rng) : Pick(rng, Actions))
            .Replace("{text}", rng.Next(2) == 0 ? Segment(rng) : Pick(rng, ["en", "zh-CN", "standard", "ABC123", "notice"]));

        /// <summary>A path segment: TestServer itself throws on a NUL in the path (Kestrel answers it
        /// with 400 before the app), so paths carry other control characters instead.</summary>
        private static string Segment(Random rng) => Value(rng).Replace("%00", "%01");

        private static string Value(Random rng) => rng.Next(10) switch
        {
            0 => new string('A', rng.Next(200, 3000)),
            1 => Uri.EscapeDataString("清远高新区" + rng.Next()),
            _ => Pick(rng, Hostile),
        };

        private static bool Suits(string client, string path) => client switch
        {
            "anonymous" => !path.StartsWith("/My") && !path.StartsWith("/Staff") && !path.StartsWith("/Admin") && !path.StartsWith("/Supervision") && !path.StartsWith("/api/v1/cases") && !path.StartsWith("/Inbox"),
            "company" => path.StartsWith("/My") || path.StartsWith("/Apply") || path.StartsWith("/Inbox") || path.StartsWith("/api/v1/cases") || path.StartsWith("/api/v1/files"),
            "admin" => path.StartsWith("/Admin") || path.StartsWith("/Supervision") || path.StartsWith("/api/v1/admin") || path.StartsWith("/readyz"),
            _ => path.StartsWith("/Staff") || path.StartsWith("/api/v1/cases") || path.StartsWith("/api/v1/files") || path.StartsWith("/Inbox"),
        };

        private static T Pick<T>(Random rng, T[] options) => options[rng.Next(options.Length)];
    }
}
