namespace ApprovalCenter.Calendar;

/// <summary>
/// The State Council notice a calendar year was taken from. Kept with the data so every deadline
/// explanation can say which official source its working days came from (rules.md §1c).
/// </summary>
public sealed record CalendarNotice(string Title, DateOnly Published, string? Issuer = null, string? Document = null)
{
    /// <summary>Short Chinese citation, e.g. "国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）".</summary>
    public string Citation =>
        Document is null ? $"{Title}（{Published:yyyy-MM-dd}）" : $"{Title}（{Document}，{Published:yyyy-MM-dd}）";
}

/// <summary>One block of days off (放假调休), inclusive on both ends.</summary>
public sealed record HolidayBlock(string Name, DateOnly From, DateOnly To)
{
    public IEnumerable<DateOnly> Days()
    {
        for (var d = From; d <= To; d = d.AddDays(1)) yield return d;
    }
}

/// <summary>A weekend day that is worked (调休上班) to make up for a holiday block.</summary>
public sealed record MakeUpWorkingDay(DateOnly Date, string? For = null);

/// <summary>
/// One year of official calendar data. Holidays and make-up days change every year by notice, so
/// they are data loaded from a file or an admin upload, never derived from weekdays (rules.md §1a).
/// Build instances through <see cref="CalendarYearParser"/> so the invariants are checked.
/// </summary>
public sealed record CalendarYear(
    int Year,
    CalendarNotice Source,
    IReadOnlyList<HolidayBlock> Holidays,
    IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays);
