using System.Net;
using ApprovalCenter.Identity;
using ApprovalCenter.Testing;
using ApprovalCenter.Web.Identity;
using ApprovalCenter.Web.Tests.Workbench;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Web.Tests.Edge;

/// <summary>The intake window and the pickup window show a chief representative their own
/// department's cases only; clerks at the comprehensive window see all of them.</summary>
public sealed class StaffScopeTests
{
    [Test]
    public async Task Window_and_pickup_are_scoped_to_the_department()
    {
        await using var app = new AppFactory { Clock = new TestClock(TestClock.China(2026, 12, 7)) };
        var kit = new CaseTestKit(app.Services);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var chief = new AppUser { UserName = "chief.hb", DisplayName = "钱首席（环保）", Kind = ApplicantKind.Staff, Department = Departments.Environment, EmailConfirmed = true };
            Assert.That((await users.CreateAsync(chief, IdentitySeeder.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(chief, Roles.ChiefRepresentative);
        }
        var atIntake = await kit.SubmitAsync("company", "ZJ-001");
        var atDelivery = await kit.SubmitAcceptedAsync();
        await kit.ActAsync(atDelivery.Number, "reviewer.zj", "submit-opinion", new() { ["opinion"] = "符合条件" });
        await kit.ActAsync(atDelivery.Number, "chief.zj", "approve");

        var hb = await app.SignedInAsync("chief.hb");
        var zj = await app.SignedInAsync("chief.zj");
        var clerk = await app.SignedInAsync("clerk");
        Assert.That(await hb.GetStringAsync("/Staff/Window"), Does.Not.Contain($"data-number=\"{atIntake.Number}\""));
        Assert.That(await zj.GetStringAsync("/Staff/Window"), Does.Contain($"data-number=\"{atIntake.Number}\""));
        Assert.That(await clerk.GetStringAsync("/Staff/Window"), Does.Contain($"data-number=\"{atIntake.Number}\""));

        Assert.That(await hb.GetStringAsync("/Staff/Pickup"), Does.Not.Contain($"data-number=\"{atDelivery.Number}\""));
        Assert.That(await zj.GetStringAsync("/Staff/Pickup"), Does.Contain($"data-number=\"{atDelivery.Number}\""));
        var foreign = await hb.GetAsync($"/Staff/Pickup/{atDelivery.Number}");
        Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(foreign.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
        var handOver = await hb.PostWithTokenFromAsync("/Staff/Pickup", $"/Staff/Pickup/{atDelivery.Number}", new() { ["Input.Method"] = "电子证照", ["Input.ElectronicConfirmed"] = "true" });
        Assert.That(handOver.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(handOver.Headers.Location!.AbsolutePath, Is.EqualTo("/Account/AccessDenied"));
        Assert.That((await kit.GetAsync(atDelivery.Number)).Record.CurrentSteps, Is.EqualTo("delivery"), "nothing was handed over");
        Assert.That((await zj.GetAsync($"/Staff/Pickup/{atDelivery.Number}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
