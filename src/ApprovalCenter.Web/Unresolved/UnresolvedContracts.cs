using ApprovalCenter.Unresolved;

namespace ApprovalCenter.Web.Unresolved;

public sealed record IntakeRequest(string? PersonName, string? Phone, string? Email, string? WhatTried, string? WhereFailed,
    string? FailedOn, List<string>? Departments, string? Exclusion, string? ExclusionNote)
{
    public MatterIntake ToIntake() => new(PersonName, Phone, Email, WhatTried, WhereFailed, FailedOn, Departments, Exclusion, ExclusionNote);
}

/// <summary>One endpoint per step of a matter: dispatch, note, reply, answer, callback.</summary>
public sealed record MatterActionRequest(List<string>? Departments, string? OutsideBodies, string? HotlineCategory, string? Note,
    Guid? PartyId, string? Text, bool? Satisfied, uint? ExpectedVersion);

/// <summary>A reply from the 12345 platform: it names the matter and our party id from the hand-off it received.</summary>
public sealed record HotlineReplyRequest(string? MatterNumber, Guid? PartyId, string? WorkOrderId, string? Reply, string? HandledBy);

public sealed record PartyDto(Guid Id, string Kind, string Name, string? Category, string? DueOn, string Status, string? Reply,
    DateTimeOffset? RepliedAt, string? ExternalId, string? HandOff, int? HandOffAttempts, string? HandOffError);
public sealed record JournalDto(DateTimeOffset At, string Actor, string Action, string Text);
public sealed record MatterDto(string Number, string Channel, string Status, string StatusName, string PersonName, string WhatTried,
    string WhereFailed, string FailedOn, IReadOnlyList<string> DepartmentsInvolved, string Exclusion, string? ExclusionNote,
    DateTimeOffset ReceivedAt, string? ClosingDeadline, string? WarningOn, string DeadlineState, string? Answer, bool? Satisfied,
    int Reopens, int? DaysToClose, uint Version, IReadOnlyList<PartyDto> Parties, IReadOnlyList<JournalDto> Journal)
{
    public static MatterDto From(UnresolvedQueries.Detail d)
    {
        var m = d.Matter;
        return new(m.Number, m.Channel.ToString(), m.Status.ToString(), UnresolvedTexts.Status(m.Status), m.PersonName, m.WhatTried, m.WhereFailed,
            m.FailedOn.ToString("yyyy-MM-dd"), m.DepartmentsInvolved, m.Exclusion.ToString(), m.ExclusionNote, m.ReceivedAt,
            m.ClosingDeadline?.ToString("yyyy-MM-dd"), m.WarningOn?.ToString("yyyy-MM-dd"), d.State.ToString(), m.Answer, m.Satisfied, m.Reopens, m.DaysToClose, m.RowVersion,
            m.Parties.Select(p =>
            {
                var h = d.HandOffs.GetValueOrDefault(p.Id);
                return new PartyDto(p.Id, p.Kind.ToString(), p.Name, p.Category?.ToString(), p.DueOn?.ToString("yyyy-MM-dd"), p.Status.ToString(),
                    p.Reply, p.RepliedAt, p.ExternalId, h?.Status.ToString(), h?.Attempts, h?.LastError);
            }).ToList(),
            m.Journal.Select(j => new JournalDto(j.At, j.ActorName, j.Action, j.Text)).ToList());
    }
}
