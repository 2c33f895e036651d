using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ApprovalCenter.Configuration;
using Microsoft.Extensions.Options;

namespace ApprovalCenter.Unresolved;

/// <summary>Hands one matter to the 12345 platform. An interface so the outbox's retry rules do not
/// care whether the other end is the platform's HTTP API or a folder of files in development.</summary>
public interface IHotlineGateway
{
    /// <summary>Delivers the hand-off; returns the platform's work-order id. Throws when the platform
    /// cannot be reached or refuses, and the outbox retries later.</summary>
    Task<string> SendAsync(HotlineHandOff handOff, CancellationToken ct);
}

/// <summary>Picks the HTTP gateway when an endpoint is configured, else the file sink.</summary>
public sealed class ConfiguredHotlineGateway(IOptions<UnresolvedOptions> options, IOptions<ApprovalCenterOptions> app, IHttpClientFactory http) : IHotlineGateway
{
    public const string HttpClientName = "hotline12345";

    public string SinkDirectory => Path.Combine(app.Value.DataDirectory, "hotline12345");

    public Task<string> SendAsync(HotlineHandOff handOff, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(options.Value.Hotline.Endpoint) ? WriteFileAsync(handOff, ct) : PostAsync(handOff, ct);

    /// <summary>JSON over HTTP; any 2xx is accepted. The platform may answer {"workOrderId": "…"}.</summary>
    private async Task<string> PostAsync(HotlineHandOff handOff, CancellationToken ct)
    {
        var o = options.Value.Hotline;
        var client = http.CreateClient(HttpClientName);
        client.Timeout = TimeSpan.FromSeconds(Math.Max(1, o.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, o.Endpoint)
        {
            Content = new StringContent(handOff.PayloadJson, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", $"handoff-{handOff.Id}");   // a retry after a lost answer is the same hand-off
        if (!string.IsNullOrEmpty(o.OutboundApiKey)) request.Headers.Add("X-Api-Key", o.OutboundApiKey);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"12345 平台返回 {(int)response.StatusCode} {response.ReasonPhrase}");
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("workOrderId", out var id) && id.ValueKind == JsonValueKind.String)
                return id.GetString()!;
        }
        catch (JsonException) { }   // a 2xx without our JSON still means accepted
        return $"HO-{handOff.Id}";
    }

    /// <summary>Development: one file per hand-off, named by matter and hand-off, written atomically
    /// (temp file, then rename) so a reader never sees half a payload.</summary>
    private async Task<string> WriteFileAsync(HotlineHandOff handOff, CancellationToken ct)
    {
        Directory.CreateDirectory(SinkDirectory);
        var path = Path.Combine(SinkDirectory, $"handoff-{handOff.Id:D6}.json");
        var temp = path + ".tmp";
        await File.WriteAllTextAsync(temp, handOff.PayloadJson, new UTF8Encoding(false), ct);
        File.Move(temp, path, overwrite: true);
        return $"FILE-{handOff.Id:D6}";
    }
}
