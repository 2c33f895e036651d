using System.Net;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Catalog;

public sealed class GuideTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    private static int Rows(string html) => html.Split("<tr data-code=").Length - 1;

    [Test]
    public async Task The_guide_is_public_and_lists_all_80_items()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/Guide");
        Assert.That(Rows(html), Is.EqualTo(80));
        Assert.That(html, Does.Contain("建筑工程施工许可证核发（新办）"));
    }

    [Test]
    public async Task Search_by_name_or_code_and_filter_by_department_and_mode()
    {
        using var client = _app.CreateClient();
        var byName = await client.GetStringAsync("/Guide?q=" + Uri.EscapeDataString("施工许可"));
        Assert.That(byName, Does.Contain("data-code=\"ZJ-001\"").And.Contain("data-code=\"ZJ-002\""));
        Assert.That(byName, Does.Not.Contain("data-code=\"HB-001\""));
        var byCode = await client.GetStringAsync("/Guide?q=zj-001");
        Assert.That(Rows(byCode), Is.EqualTo(1));
        var water = await client.GetStringAsync("/Guide?department=" + Uri.EscapeDataString("水务"));
        Assert.That(Rows(water), Is.GreaterThan(0));
        Assert.That(water.Split("<tr data-code=").Skip(1).All(r => r.StartsWith("\"SW-")), Is.True);
        var immediate = await client.GetStringAsync("/Guide?mode=immediate");
        Assert.That(Rows(immediate), Is.EqualTo(3));
        var joint = await client.GetStringAsync("/Guide?mode=joint&department=" + Uri.EscapeDataString("住建"));
        Assert.That(joint, Does.Contain("data-code=\"ZJ-001\"").And.Not.Contain("data-code=\"ZJ-002\""));
    }

    [Test]
    public async Task No_match_shows_a_helpful_empty_state()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/Guide?q=" + Uri.EscapeDataString("不存在的事项名称"));
        Assert.That(html, Does.Contain("data-testid=\"empty\"").And.Contain("没有找到符合条件的事项").And.Contain("12345"));
    }

    [Test]
    public async Task An_item_page_shows_materials_limits_compression_source_and_the_diagram()
    {
        using var client = _app.CreateClient();
        var html = await client.GetStringAsync("/Guide/ZJ-001");
        Assert.That(html, Does.Contain("建筑工程施工许可证申请表").And.Contain("核心材料（必须齐全）"));
        Assert.That(html, Does.Contain("农民工工资保证金缴存凭证").And.Contain("可容缺（受理后补齐）"));
        Assert.That(html, Does.Contain("data-testid=\"statutory\">7 个工作日").And.Contain("data-testid=\"promised\">3 个工作日"));
        Assert.That(html, Does.Contain("data-testid=\"compression\">57.1%"));
        Assert.That(html, Does.Contain("https://m.yybnet.net/chengdu/news/201805/7419566.html"));
        Assert.That(html, Does.Contain("《建筑法》第七条"));
        Assert.That(html, Does.Contain("<svg").And.Contain("data-definition=\"standard\"").And.Contain("受理审查"));
        Assert.That(html, Does.Contain("href=\"/Apply/ZJ-001\""));
        Assert.That(html, Does.Contain("容缺受理").And.Contain("告知承诺").And.Contain("并联审批"));
        var inferred = await client.GetStringAsync("/Guide/ZJ-002");
        Assert.That(inferred, Does.Contain("推定（INFERRED）"));
    }

    [Test]
    public async Task An_unknown_code_is_a_404_page()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/Guide/XX-999");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("页面不存在"));
    }
}
