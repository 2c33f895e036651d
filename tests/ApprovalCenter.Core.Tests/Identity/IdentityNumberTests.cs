using ApprovalCenter.Identity;

namespace ApprovalCenter.Tests.Identity;

public sealed class IdentityNumberTests
{
    [TestCase("91350100M000100Y43")]
    [TestCase("91441800MA4WQY3K26")]
    [TestCase("91441802ma55c6xt1b")]   // lower case is accepted and normalised
    public void Valid_credit_codes_pass(string code) => Assert.That(UnifiedSocialCreditCode.Validate(code), Is.Null);

    [TestCase("91350100M000100Y44", "校验位")]
    [TestCase("91350100M000100Y4", "18位")]
    [TestCase("91350100M0001O0Y43", "不是有效字符")]   // letter O is not in the alphabet
    [TestCase("91A50100M000100Y43", "行政区划码")]
    [TestCase("", "请填写")]
    public void Invalid_credit_codes_say_why(string code, string reason) =>
        Assert.That(UnifiedSocialCreditCode.Validate(code), Does.Contain(reason));

    [Test]
    public void Every_single_character_change_of_a_credit_code_is_caught()
    {
        const string good = "91441800MA4WQY3K26";
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (var i = 0; i < 18; i++)
        foreach (var c in alphabet.Where(c => c != good[i]))
        {
            var bad = good[..i] + c + good[(i + 1)..];
            Assert.That(UnifiedSocialCreditCode.IsValid(bad), Is.False, bad);
        }
    }

    [TestCase("11010519491231002X")]
    [TestCase("44180219850312102x")]
    [TestCase("441802199001011239")]
    public void Valid_id_numbers_pass(string number) => Assert.That(ResidentIdNumber.Validate(number), Is.Null);

    [TestCase("110105194912310021", "校验位")]
    [TestCase("11010519491331002X", "出生日期")]
    [TestCase("1101051949123100", "18位")]
    [TestCase("11010519491231002Y", "最后一位")]
    [TestCase("1101A519491231002X", "前17位")]
    public void Invalid_id_numbers_say_why(string number, string reason) =>
        Assert.That(ResidentIdNumber.Validate(number), Does.Contain(reason));

    [Test]
    public void A_birth_date_in_the_future_is_rejected() =>
        Assert.That(ResidentIdNumber.Validate("441802203001011231", new DateOnly(2026, 11, 21)), Does.Contain("出生日期"));
}
