using System.Text.Json;
using System.Text.Json.Serialization;

namespace ApprovalCenter.Unresolved;

/// <summary>The JSON we hand to the 12345 platform (documented in the README). Built at dispatch
/// and stored in the outbox row, so a retry sends exactly what was decided, whatever changed since.</summary>
public static class HotlinePayload
{
    public const string Schema = "approvalcenter.unresolved.handoff/v1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Person(string Name, string Phone, string? Email);
    public sealed record Body(string Schema, string MatterNumber, Guid PartyId, string Category, string CategoryName, int LimitWorkingDays,
        string DueOn, DateTimeOffset DispatchedAt, DateTimeOffset ReceivedAt, Person Person, string WhatTried, string WhereFailed,
        string FailedOn, IReadOnlyList<string> DepartmentsInvolved, string? Note, string ReplyTo, int Round);

    /// <param name="round">0 for the first hand-off; n for the n-th reopening after an unsatisfied callback.</param>
    public static string Build(UnresolvedMatter matter, MatterParty party, string? note, string publicBaseUrl, int round = 0)
    {
        var category = party.Category ?? throw new InvalidOperationException("A 12345 party has a category.");
        var body = new Body(Schema, matter.Number, party.Id, JsonNamingPolicy.CamelCase.ConvertName(category.ToString()), UnresolvedTexts.Category(category),
            UnresolvedLimits.HotlineDays(category), party.DueOn!.Value.ToString("yyyy-MM-dd"), party.DispatchedAt, matter.ReceivedAt,
            new Person(matter.PersonName, matter.Phone, matter.Email), matter.WhatTried, matter.WhereFailed, matter.FailedOn.ToString("yyyy-MM-dd"),
            matter.DepartmentsInvolved, string.IsNullOrWhiteSpace(note) ? null : note, publicBaseUrl.TrimEnd('/') + "/api/v1/unresolved/hotline/replies", round);
        return JsonSerializer.Serialize(body, Json);
    }
}
