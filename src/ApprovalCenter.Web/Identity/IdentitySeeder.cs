using Microsoft.EntityFrameworkCore;
using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;

namespace ApprovalCenter.Web.Identity;

/// <summary>A demo account: listed in the README, seeded only when Features:SeedDemoAccounts is on.</summary>
public sealed record DemoAccount(string UserName, string DisplayName, string Role, ApplicantKind Kind, string? Department = null, string? CreditCode = null, string? IdNumber = null);

public static class IdentitySeeder
{
    public const string DemoPassword = "Demo#2026";

    public static readonly IReadOnlyList<DemoAccount> DemoAccounts =
    [
        new("company", "清远示例建设有限公司", Roles.Applicant, ApplicantKind.Enterprise, CreditCode: "91441800MA4WQY3K26", IdNumber: "44180219850312102X"),
        new("citizen", "张三", Roles.Applicant, ApplicantKind.Individual, IdNumber: "441802199001011239"),
        new("clerk", "李窗口", Roles.Clerk, ApplicantKind.Staff),
        new("reviewer.zj", "王审查（住建）", Roles.Reviewer, ApplicantKind.Staff, Departments.Housing),
        new("reviewer.hb", "赵审查（环保）", Roles.Reviewer, ApplicantKind.Staff, Departments.Environment),
        new("chief.zj", "陈首席（住建）", Roles.ChiefRepresentative, ApplicantKind.Staff, Departments.Housing),
        new("supervisor", "周督查", Roles.Supervisor, ApplicantKind.Staff),
        new("head", "吴局长", Roles.BureauHead, ApplicantKind.Staff),
        new("admin", "系统管理员", Roles.Administrator, ApplicantKind.Staff),
    ];

    public static async Task SeedRolesAsync(IServiceProvider sp)
    {
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public static async Task SeedDemoAccountsAsync(IServiceProvider sp, ILogger log)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        foreach (var a in DemoAccounts)
        {
            if (await users.FindByNameAsync(a.UserName) is not null) continue;
            var user = new AppUser
            {
                UserName = a.UserName, DisplayName = a.DisplayName, Kind = a.Kind, Department = a.Department,
                CreditCode = a.CreditCode, IdNumber = a.IdNumber, Email = $"{a.UserName}@demo.approvalcenter.local", EmailConfirmed = true,
            };
            var created = await users.CreateAsync(user, DemoPassword);
            if (!created.Succeeded)
            {
                log.LogError("Demo account {User} not created: {Errors}", a.UserName, string.Join("; ", created.Errors.Select(e => e.Description)));
                continue;
            }
            await users.AddToRoleAsync(user, a.Role);
        }
        await SeedDemoAuthorisationsAsync(sp, users);
    }

    /// <summary>chief.zj may decide every 住建 item (首席代表授权), so the demo and the tests can decide cases.
    /// The grant is relative to the business day it is seeded, a year either side, and renewed at each
    /// start-up once it has less than 60 days to run: a demo never silently expires. Old lines stay for the record.</summary>
    private static async Task SeedDemoAuthorisationsAsync(IServiceProvider sp, UserManager<AppUser> users)
    {
        var db = sp.GetRequiredService<ApprovalCenter.Persistence.AppDbContext>();
        if (await users.FindByNameAsync("chief.zj") is not { } chief) return;
        var now = sp.GetRequiredService<ApprovalCenter.Clock.BusinessClock>().GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(ApprovalCenter.Calendar.ServiceHours.ChinaStandardTime).DateTime);
        var horizon = today.AddDays(60);
        var covered = await db.Set<ApprovalCenter.Cases.ChiefAuthorisation>().AnyAsync(a => a.UserId == chief.Id && a.RevokedAt == null
            && a.ItemCode == ApprovalCenter.Cases.ChiefAuthorisation.AllItems && a.ValidFrom <= today && a.ValidTo >= horizon);
        if (covered) return;
        db.Add(new ApprovalCenter.Cases.ChiefAuthorisation
        {
            UserId = chief.Id, ItemCode = ApprovalCenter.Cases.ChiefAuthorisation.AllItems, Power = ApprovalCenter.Cases.ChiefAuthorisation.DecidePower,
            ValidFrom = today.AddDays(-365), ValidTo = today.AddDays(365), GrantedBy = "admin", GrantedAt = now,
        });
        await db.SaveChangesAsync();
    }
}
