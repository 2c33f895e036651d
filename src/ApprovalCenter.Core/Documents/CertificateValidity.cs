namespace ApprovalCenter.Documents;

/// <summary>
/// How long a certificate is valid, by the item's own rule, instead of a blanket "长期有效".
/// A construction permit (建筑法第九条, 建筑工程施工许可管理办法第八条; rules.md §2d) lapses when
/// work has not started within three months of issue; it may be extended twice, by three months each.
/// </summary>
public static class CertificateValidity
{
    public sealed record Rule(DateOnly? ValidUntil, string Text);

    public static bool IsConstructionPermit(string itemName) => itemName.Contains("施工许可");

    public static Rule For(string itemName, DateOnly issuedOn)
    {
        if (IsConstructionPermit(itemName))
        {
            var start = issuedOn.AddMonths(3);
            return new Rule(start, $"应自发证之日起三个月内（{ChineseDate.Numeric(start)}前）开工；因故不能按期开工的，应在期满前申请延期，延期以两次为限，每次不超过三个月；"
                + "既不开工又不申请延期或者超过延期时限的，本证自行废止（《中华人民共和国建筑法》第九条）");
        }
        return new Rule(null, "长期有效");
    }
}
