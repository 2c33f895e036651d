using System.Net;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Catalog;

public sealed class CompressionPageTests
{
    private AppFactory _app = null!;

    [OneTimeSetUp] public void Start() => _app = new AppFactory();
    [OneTimeTearDown] public void Stop() => _app.Dispose();

    [Test]
    public async Task The_supervisor_sees_71_2_percent_computed_from_415_over_1442()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        var html = await client.GetStringAsync("/Supervision/Compression");
        Assert.That(html, Does.Contain("data-testid=\"overall-percent\">71.2%"));
        Assert.That(html, Does.Contain("data-testid=\"sum-promised\">415").And.Contain("data-testid=\"sum-statutory\">1442"));
        Assert.That(html, Does.Contain("data-testid=\"cut-95\""));
        var index = await client.GetStringAsync("/Supervision");
        Assert.That(index, Does.Contain("href=\"/Supervision/Compression\""));
    }

    [Test]
    public async Task Items_sort_by_compression_either_way()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("supervisor", IdentitySeeder.DemoPassword);
        static List<decimal> Percents(string html) => System.Text.RegularExpressions.Regex
            .Matches(html.Split("data-testid=\"items\"")[1], @"<td>(\d+\.\d)%</td>").Select(m => decimal.Parse(m.Groups[1].Value)).ToList();
        var desc = Percents(await client.GetStringAsync("/Supervision/Compression?sort=desc"));
        var asc = Percents(await client.GetStringAsync("/Supervision/Compression?sort=asc"));
        Assert.That(desc, Has.Count.EqualTo(80));
        Assert.That(desc, Is.Ordered.Descending);
        Assert.That(asc, Is.Ordered.Ascending);
    }

    [Test]
    public async Task An_applicant_may_not_open_it()
    {
        using var client = _app.CreateBrowserLikeClient();
        await client.SignInAsync("company", IdentitySeeder.DemoPassword);
        var response = await client.GetAsync("/Supervision/Compression");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
        Assert.That((await client.GetAsync(response.Headers.Location)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
