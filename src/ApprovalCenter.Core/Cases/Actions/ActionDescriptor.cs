using ApprovalCenter.Clock;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Cases.Actions;

/// <summary>What a clock mapping may read: the day the act counts on (<see cref="ClockDating.CountedOn"/>),
/// the case data after the action's validated inputs and the server's facts were merged, who acted,
/// and the real China-time day of the act (an applicant's supplement is timely by this day).</summary>
public sealed record ClockInput(DateOnly Date, IReadOnlyDictionary<string, object?> Data, string UserName, DateOnly? ActedOn = null)
{
    /// <summary>容缺: the certificate stays withheld until the tolerated materials are verified.</summary>
    public bool CertificateWithheld => Get("certificateWithheld") is true;

    public object? Get(string key) => Data.GetValueOrDefault(key);
}

/// <summary>
/// The single home of what a case action means (issue 9): its id, labels, who may take it and
/// with which power, the inputs a client may send (an allow-list), the facts the server computes,
/// the legal clock event it records, the document it issues and the form partial that renders it.
/// Process definitions name actions; a definition naming an action without a descriptor does not load.
/// </summary>
public sealed record ActionDescriptor(
    string Id,
    string Label,
    string LabelEn,
    /// <summary>The timeline sentence, e.g. "作出准予行政许可决定".</summary>
    string Summary,
    IReadOnlyList<string> Roles,
    IReadOnlyList<InputSpec> Inputs,
    IReadOnlyList<string>? Facts = null,
    Func<ClockInput, ClockEvent?>? Clock = null,
    DocumentKind? Document = null,
    /// <summary>The staff form partial under Pages/Staff/Cases/Actions; "_Inputs" renders the inputs generically.</summary>
    string Partial = "_Inputs",
    /// <summary>A power beyond the role: "decide" needs the chief representative's written authorisation.</summary>
    string? Power = null,
    /// <summary>The journal reason: the first of these inputs that has a value.</summary>
    string? ReasonKey = null,
    /// <summary>Cross-field rules after each input passed on its own (e.g. a tracking number for delivery by post).</summary>
    Func<IReadOnlyDictionary<string, object?>, IEnumerable<InputError>>? Rules = null,
    /// <summary>Turns validated inputs into what is stored (e.g. an ID number is kept masked).</summary>
    Func<IReadOnlyDictionary<string, object?>, IReadOnlyDictionary<string, object?>>? Store = null,
    /// <summary>Not a workflow transition: the handler records it on the case without moving the engine (e.g. the delivery choice).</summary>
    bool CaseOnly = false,
    /// <summary>What the journal sentence adds from the stored inputs (e.g. the number of the government's reply).</summary>
    Func<IReadOnlyDictionary<string, object?>, string?>? Detail = null)
{
    public IReadOnlyList<string> FactKeys => Facts ?? [];

    public InputSpec? Input(string key) => Inputs.FirstOrDefault(i => i.Key == key);

    public const string DecidePower = "decide";
}

/// <summary>A refused input: the key at fault and the Chinese message.</summary>
public sealed record InputError(string Key, string Message);
