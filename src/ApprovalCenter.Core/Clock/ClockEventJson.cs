using System.Globalization;
using System.Text.Json;

namespace ApprovalCenter.Clock;

/// <summary>Stores a case's clock events as a JSON array of flat records with a "type" field.</summary>
public static class ClockEventJson
{
    private sealed record Row(string Type, string Date, string? Procedure = null, int? ExpectedDays = null, int? Days = null,
        string? Approver = null, string? ApprovedBy = null, string? Reason = null, DateTimeOffset? At = null, string? SubmittedOn = null,
        bool? Withheld = null, string? ApprovalDocument = null, string? On = null);

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(IEnumerable<ClockEvent> events) =>
        JsonSerializer.Serialize(events.Select(ToRow).ToList(), Options);

    public static IReadOnlyList<ClockEvent> Deserialize(string? json) =>
        string.IsNullOrWhiteSpace(json) ? [] : (JsonSerializer.Deserialize<List<Row>>(json, Options) ?? []).Select(FromRow).ToList();

    private static Row ToRow(ClockEvent e)
    {
        var date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return e switch
        {
            ClockEvent.PauseStarted p => new Row("PauseStarted", date, Procedure: p.Reason.ToString(), ExpectedDays: p.ExpectedWorkingDays),
            ClockEvent.Received r => new Row("Received", date, At: r.At),
            ClockEvent.SupplementReceived s => new Row("SupplementReceived", date, SubmittedOn: s.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ClockEvent.Decided x when x.CertificateWithheld => new Row("Decided", date, Withheld: true),
            ClockEvent.PromisedLimitExtended x => new Row("PromisedLimitExtended", date, Days: x.Days, ApprovedBy: x.ApprovedBy, Reason: x.Reason),
            ClockEvent.HearingRequested h => new Row("HearingRequested", date, SubmittedOn: h.SubmittedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ClockEvent.HearingScheduled h => new Row("HearingScheduled", date, On: h.HearingOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ClockEvent.ExtensionGranted x => new Row("ExtensionGranted", date, Days: x.Days, Approver: x.Approver.ToString(), ApprovedBy: x.ApprovedBy, Reason: x.Reason, ApprovalDocument: x.ApprovalDocument),
            _ => new Row(e.GetType().Name, date),
        };
    }

    private static ClockEvent FromRow(Row r)
    {
        var d = DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return r.Type switch
        {
            "Received" => new ClockEvent.Received(d, r.At),
            "SupplementRequested" => new ClockEvent.SupplementRequested(d),
            "SupplementReceived" => new ClockEvent.SupplementReceived(d,
                r.SubmittedOn is { } s ? DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
            "CommitmentOffered" => new ClockEvent.CommitmentOffered(d),
            "CertificateReleased" => new ClockEvent.CertificateReleased(d),
            "Accepted" => new ClockEvent.Accepted(d),
            "IntakeLapsed" => new ClockEvent.IntakeLapsed(d),
            "Refused" => new ClockEvent.Refused(d),
            "PauseStarted" => new ClockEvent.PauseStarted(d, Enum.Parse<ExcludedProcedure>(r.Procedure!), r.ExpectedDays ?? 0),
            "PauseEnded" => new ClockEvent.PauseEnded(d),
            "PromisedLimitExtended" => new ClockEvent.PromisedLimitExtended(d, r.Days ?? 0, r.ApprovedBy ?? "", r.Reason ?? ""),
            "HearingRightNotified" => new ClockEvent.HearingRightNotified(d),
            "HearingRequested" => new ClockEvent.HearingRequested(d, r.SubmittedOn is { } hs ? DateOnly.ParseExact(hs, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null),
            "HearingScheduled" => new ClockEvent.HearingScheduled(d, DateOnly.ParseExact(r.On!, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            "HearingHeld" => new ClockEvent.HearingHeld(d),
            "ExtensionGranted" => new ClockEvent.ExtensionGranted(d, r.Days ?? 0, Enum.Parse<ExtensionApprover>(r.Approver!), r.ApprovedBy ?? "", r.Reason ?? "", r.ApprovalDocument),
            "Decided" => new ClockEvent.Decided(d, r.Withheld ?? false),
            "Delivered" => new ClockEvent.Delivered(d),
            "PhaseIssued" => new ClockEvent.PhaseIssued(d),
            "PhaseAccepted" => new ClockEvent.PhaseAccepted(d),
            _ => throw new JsonException($"未知的时限事件类型“{r.Type}”。"),
        };
    }
}
