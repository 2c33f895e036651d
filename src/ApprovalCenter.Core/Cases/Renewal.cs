using ApprovalCenter.Clock;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Cases;

/// <summary>
/// ALL Art. 50: a renewal of a licence with a term is applied for at least 30 days before it expires;
/// if the bureau makes no decision by the expiry, the licence is deemed renewed. The 30 days are
/// natural days counted back from the last day of validity (the applicant's own period, not one of the
/// bureau's working-day limits), and the applicant is on time by the real day it applies.
/// </summary>
public static class Renewal
{
    public const int DaysBeforeExpiry = 30;

    /// <summary>The last day on which a renewal may still be applied for.</summary>
    public static DateOnly LatestApplicationDay(DateOnly validUntil) => validUntil.AddDays(-DaysBeforeExpiry);

    /// <summary>Null when the application is in time, else why not, in Chinese.</summary>
    public static string? Refusal(DateOnly appliedOn, DateOnly validUntil)
    {
        if (appliedOn > validUntil)
            return $"该许可证已于{ChineseDate.Numeric(validUntil)}届满，不能再申请延续，请按新申请办理。";
        if (appliedOn > LatestApplicationDay(validUntil))
            return $"延续申请应当在许可有效期届满三十日前提出（《中华人民共和国行政许可法》第五十条）。该许可证有效期至{ChineseDate.Numeric(validUntil)}，"
                + $"最迟应于{ChineseDate.Numeric(LatestApplicationDay(validUntil))}提出，现已逾期，请按新申请办理。";
        return null;
    }

    /// <summary>The business instant the licence is deemed renewed: the end of its last day of
    /// validity (00:00 China time of the next day), since the bureau may decide until then.</summary>
    public static DateTimeOffset DeemedAt(DateOnly validUntil) => ClockTimer.StartOfDay(validUntil.AddDays(1));

    /// <summary>Whether an item renews the licences of another: the same item, or the catalog's
    /// renewal item of the same licence (ZJ-013 "燃气经营许可证（变更、延续）" renews what ZJ-012
    /// "燃气经营许可证核发（新申请）" issued).</summary>
    public static bool Renews(string itemCode, string itemName, string licenceItemCode, string licenceItemName) =>
        itemCode == licenceItemCode || itemName.Contains("延续") && LicenceName(itemName) == LicenceName(licenceItemName);

    private static string LicenceName(string itemName)
    {
        var i = itemName.IndexOf('（');
        var name = i > 0 ? itemName[..i] : itemName;
        return name.EndsWith("核发") ? name[..^2] : name;
    }

    /// <summary>The renewed term is as long as the one that expired: in whole months when it was
    /// (a 5-year licence stays 5 years across leap days), otherwise in days.</summary>
    public static (DateOnly From, DateOnly Until) RenewedTerm(DateOnly validFrom, DateOnly validUntil)
    {
        var from = validUntil.AddDays(1);
        var months = (validUntil.Year - validFrom.Year) * 12 + validUntil.Month - validFrom.Month + 1;
        if (months > 0 && validFrom.AddMonths(months) == from) return (from, from.AddMonths(months).AddDays(-1));
        return (from, from.AddDays(validUntil.DayNumber - validFrom.DayNumber));
    }
}
