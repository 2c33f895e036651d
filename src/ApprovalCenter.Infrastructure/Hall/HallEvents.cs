using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ApprovalCenter.Hall;

/// <summary>What happened in the hall: "call" (a ticket called to a counter; the display shows and speaks it),
/// "ticket" (a new ticket: waiting counts change) or "update".</summary>
public sealed record HallEvent(string Kind, string Number, int? Counter, string? Text);

/// <summary>
/// The backplane between app nodes: every hall change sends a PostgreSQL NOTIFY on
/// <see cref="Channel"/> inside its transaction; each node LISTENs on one dedicated connection and
/// hands the events to the displays connected to it. A call on node A therefore reaches a display on
/// node B. The subscriber list is only plumbing for open connections: losing it (a restart) loses
/// nothing, since a reconnecting display reloads its state from the database.
/// </summary>
public sealed class HallEvents(string connectionString, ILogger<HallEvents> log) : BackgroundService
{
    public const string Channel = "hall_events";
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Lock _gate = new();
    private readonly List<Channel<HallEvent>> _subscribers = [];

    /// <summary>True while the node's LISTEN connection is up (a display may then rely on push).</summary>
    public bool Listening { get; private set; }

    public ChannelReader<HallEvent> Subscribe(CancellationToken ct)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<HallEvent>(new BoundedChannelOptions(100) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate) _subscribers.Add(channel);
        ct.Register(() => { lock (_gate) _subscribers.Remove(channel); channel.Writer.TryComplete(); });
        return channel.Reader;
    }

    private void Publish(HallEvent e)
    {
        lock (_gate)
            foreach (var s in _subscribers) s.Writer.TryWrite(e);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 10, Pooling = false }.ConnectionString);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, n) =>
                {
                    try { if (JsonSerializer.Deserialize<HallEvent>(n.Payload, Json) is { } e) Publish(e); }
                    catch (JsonException) { log.LogWarning("Ignored a malformed hall event: {Payload}", n.Payload); }
                };
                await using (var cmd = new NpgsqlCommand($"LISTEN {Channel}", conn)) await cmd.ExecuteNonQueryAsync(stoppingToken);
                Listening = true;
                // Displays reload their state after a reconnect of ours, so nothing is missed while we were away.
                Publish(new HallEvent("resync", "", null, null));
                while (!stoppingToken.IsCancellationRequested) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                Listening = false;
                log.LogWarning(e, "Hall event listener lost its connection; reconnecting");
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); } catch (OperationCanceledException) { }
            }
        }
        Listening = false;
    }
}
