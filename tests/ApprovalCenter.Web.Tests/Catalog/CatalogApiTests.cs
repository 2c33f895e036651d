using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Catalog;

namespace ApprovalCenter.Web.Tests.Catalog;

public sealed class CatalogApiTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    [Test]
    public async Task Items_lists_every_item_with_limits_and_modes()
    {
        using var client = _app.CreateClient();
        var items = await client.GetFromJsonAsync<List<CatalogItemSummary>>("/api/v1/catalog/items");
        Assert.That(items, Has.Count.EqualTo(80));
        var zj = items!.Single(i => i.Code == "ZJ-001");
        Assert.That((zj.Department, zj.StatutoryDays, zj.PromisedDays), Is.EqualTo(("住建", 7, 3)));
        Assert.That(zj.Modes, Is.EqualTo(new[] { "promised", "tolerance", "commitment", "joint", "exemption" }));
        Assert.That(items.Sum(i => i.StatutoryDays), Is.EqualTo(1442));
    }

    [Test]
    public async Task One_item_and_a_problem_for_an_unknown_code()
    {
        using var client = _app.CreateClient();
        var item = await client.GetFromJsonAsync<CatalogItemDetail>("/api/v1/catalog/items/ZJ-001");
        Assert.That(item!.Materials.Count(m => m.Type == "tolerable"), Is.EqualTo(3));
        Assert.That(item.Compression, Is.EqualTo(57.1m));
        var missing = await client.GetAsync("/api/v1/catalog/items/XX-999");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(missing.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        using var doc = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.That(doc.RootElement.GetProperty("detail").GetString(), Does.Contain("XX-999"));
    }

    [Test]
    public async Task Compression_is_computed_from_the_catalog()
    {
        using var client = _app.CreateClient();
        var r = await client.GetFromJsonAsync<CompressionResponse>("/api/v1/catalog/compression");
        Assert.That((r!.Overall.StatutoryDays, r.Overall.PromisedDays, r.Overall.Percent), Is.EqualTo((1442, 415, 71.2m)));
        Assert.That(r.Departments.Sum(d => d.ItemCount), Is.EqualTo(80));
        Assert.That(r.CutByAtLeast95Percent.All(i => i.Percent >= 95), Is.True);
    }
}
