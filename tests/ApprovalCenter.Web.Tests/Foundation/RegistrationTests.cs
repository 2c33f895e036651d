using System.Net;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Foundation;

public sealed class RegistrationTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private static Dictionary<string, string> Enterprise(string user, string credit, string? id = null) => new()
    {
        ["Input.Kind"] = "Enterprise", ["Input.DisplayName"] = "清远测试有限公司", ["Input.CreditCode"] = credit,
        ["Input.IdNumber"] = id ?? "", ["Input.Phone"] = "13800138000", ["Input.Email"] = "",
        ["Input.UserName"] = user, ["Input.Password"] = "Good#Pass1", ["Input.ConfirmPassword"] = "Good#Pass1",
    };

    private static Dictionary<string, string> Individual(string user, string id) => new()
    {
        ["Input.Kind"] = "Individual", ["Input.DisplayName"] = "李四", ["Input.CreditCode"] = "", ["Input.IdNumber"] = id,
        ["Input.Phone"] = "13900139000", ["Input.Email"] = "lisi@example.test",
        ["Input.UserName"] = user, ["Input.Password"] = "Good#Pass1", ["Input.ConfirmPassword"] = "Good#Pass1",
    };

    [Test]
    public async Task A_bad_credit_code_is_rejected_on_the_form_and_the_input_is_kept()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", Enterprise("badcredit", "91350100M000100Y44"));
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(html, Does.Contain("data-testid=\"error-summary\""));
        Assert.That(html, Does.Contain("统一社会信用代码校验位不正确"));
        Assert.That(html, Does.Contain("href=\"#Input_CreditCode\""));
        Assert.That(html, Does.Contain("value=\"清远测试有限公司\""), "the rest of the form is kept");
    }

    [Test]
    public async Task A_bad_id_number_is_rejected()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", Individual("badid", "110105194912310021"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("公民身份号码校验位不正确"));
    }

    [Test]
    public async Task A_good_enterprise_registers_signs_in_and_a_duplicate_is_refused()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", Enterprise("goodcompany", "91350100M000100Y43"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/My"));
        Assert.That(await client.GetStringAsync("/My"), Does.Contain("91350100M000100Y43"));

        using var other = _app.CreateBrowserLikeClient();
        var again = await other.PostFormAsync("/Account/Register", Enterprise("goodcompany2", "91350100M000100Y43"));
        Assert.That(await again.Content.ReadAsStringAsync(), Does.Contain("该统一社会信用代码已注册"));
        var sameName = await other.PostFormAsync("/Account/Register", Enterprise("goodcompany", "91441802MA55C6XT1B"));
        Assert.That(await sameName.Content.ReadAsStringAsync(), Does.Contain("用户名“goodcompany”已被注册"));
    }

    [Test]
    public async Task A_good_individual_registers()
    {
        using var client = _app.CreateBrowserLikeClient();
        var response = await client.PostFormAsync("/Account/Register", Individual("lisi", "11010519491231002X"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
    }

    [Test]
    public async Task A_weak_password_is_explained_in_chinese()
    {
        using var client = _app.CreateBrowserLikeClient();
        var fields = Individual("weakpass", "44180219850312102X");
        fields["Input.Password"] = fields["Input.ConfirmPassword"] = "abc";
        var html = await (await client.PostFormAsync("/Account/Register", fields)).Content.ReadAsStringAsync();
        Assert.That(html, Does.Contain("密码至少需要8位"));
    }
}
