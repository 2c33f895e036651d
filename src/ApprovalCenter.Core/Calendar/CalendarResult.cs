namespace ApprovalCenter.Calendar;

/// <summary>
/// A calendar answer plus whether it relied on a provisional year (no official notice loaded yet),
/// so the UI can mark the deadline "暂定" and the system can recompute it when the notice arrives.
/// A struct so the hot deadline path does not allocate.
/// </summary>
public readonly record struct CalendarResult<T>(T Value, IReadOnlyList<int> ProvisionalYears)
{
    public bool Provisional => ProvisionalYears.Count > 0;
}

/// <summary>What kind of day a date is, so the hall and the explanations can say why a day does not count.</summary>
public enum DayKind : byte
{
    Workday = 0,
    Weekend = 1,
    Holiday = 2,
    MakeUpWorkday = 3,
}

/// <summary>
/// Identifies the data a calendar was built from. Store it with a computed deadline; when the
/// current calendar's fingerprint differs (a new year was loaded or corrected), recompute.
/// </summary>
public sealed record CalendarVersion(IReadOnlyList<int> LoadedYears, string Fingerprint)
{
    public override string ToString() => $"{string.Join(",", LoadedYears)}#{Fingerprint}";
}
