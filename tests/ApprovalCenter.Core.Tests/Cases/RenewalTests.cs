using ApprovalCenter.Cases;
using ApprovalCenter.Documents;
using static ApprovalCenter.Tests.Calendar.TestCalendars;

namespace ApprovalCenter.Tests.Cases;

/// <summary>ALL Art. 50, with dates by hand: a licence valid until 2027-03-31 must be renewed by 2027-03-01
/// (30 natural days before); undecided, it is deemed renewed at 2027-04-01 00:00 China time.</summary>
public sealed class RenewalTests
{
    [Test]
    public void ALL_Art_50_a_renewal_is_applied_for_at_least_30_days_before_the_licence_expires()
    {
        var until = D("2027-03-31");
        Assert.That(Renewal.LatestApplicationDay(until), Is.EqualTo(D("2027-03-01")));
        Assert.That(Renewal.Refusal(D("2027-03-01"), until), Is.Null, "exactly 30 days before is in time");
        var late = Renewal.Refusal(D("2027-03-02"), until)!;
        Assert.That(late, Does.Contain("届满三十日前").And.Contain("2027年3月31日").And.Contain("最迟应于2027年3月1日").And.Contain("第五十条"));
        Assert.That(Renewal.Refusal(D("2027-04-01"), until), Does.Contain("已于2027年3月31日届满"));
    }

    [Test]
    public void ALL_Art_50_undecided_at_the_expiry_the_licence_is_deemed_renewed_at_the_end_of_its_last_day()
    {
        Assert.That(Renewal.DeemedAt(D("2027-03-31")), Is.EqualTo(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.FromHours(8))));
    }

    [TestCase("ZJ-013", "燃气经营许可证（变更、延续）", "ZJ-012", "燃气经营许可证核发（新申请）", true)]
    [TestCase("SW-002", "取水许可（延续）", "SW-001", "取水许可（新申请）", true)]
    [TestCase("SW-012", "城镇污水排入排水管网许可", "SW-012", "城镇污水排入排水管网许可", true)]
    [TestCase("SW-003", "取水许可（变更）", "SW-001", "取水许可（新申请）", false)]
    [TestCase("SW-002", "取水许可（延续）", "ZJ-012", "燃气经营许可证核发（新申请）", false)]
    public void A_licence_is_renewed_under_its_own_item_or_the_catalogs_renewal_item(string code, string name, string licenceCode, string licenceName, bool renews) =>
        Assert.That(Renewal.Renews(code, name, licenceCode, licenceName), Is.EqualTo(renews));

    [TestCase("2022-04-01", "2027-03-31", "2027-04-01", "2032-03-31")]   // five years, across leap days
    [TestCase("2024-03-01", "2025-02-28", "2025-03-01", "2026-02-28")]   // one year
    [TestCase("2026-01-10", "2026-02-18", "2026-02-19", "2026-03-30")]   // 40 days, not whole months
    public void The_renewed_term_is_as_long_as_the_expired_one(string from, string until, string newFrom, string newUntil) =>
        Assert.That(Renewal.RenewedTerm(D(from), D(until)), Is.EqualTo((D(newFrom), D(newUntil))));

    [Test]
    public void The_deemed_renewal_notice_cites_Art_50_and_states_the_new_term()
    {
        var h = new DocumentHeader("QYGX-2027-000012", D("2027-04-01"), DocumentParty.Organisation("清远示例建设有限公司", "91441800MA4WQY3K26", "x"),
            new DocumentItem("取水许可", "SW-001"));
        var c = DocumentTemplates.DeemedRenewal(h, new("QYGX-2022-000031-ZZ", D("2027-02-01"), D("2027-03-31"), D("2027-04-01"), D("2032-03-31")));
        var text = string.Join("\n", c.AllText());
        Assert.That(c.Title, Is.EqualTo("视为准予延续行政许可通知书"));
        Assert.That(text, Does.Contain("第五十条第二款").And.Contain("视为准予延续").And.Contain("2027年4月1日至2032年3月31日").And.Contain("QYGX-2022-000031-ZZ"));
        Assert.That(() => DocumentTemplates.DeemedRenewal(h, new("x", D("2027-02-01"), D("2027-03-31"), D("2027-03-31"), D("2032-03-31"))), Throws.ArgumentException);
    }
}
