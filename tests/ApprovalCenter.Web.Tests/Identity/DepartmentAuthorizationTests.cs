using System.Security.Claims;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Identity;

namespace ApprovalCenter.Web.Tests.Identity;

public sealed class DepartmentAuthorizationTests
{
    private static ClaimsPrincipal User(string role, string? department = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Role, role) };
        if (department is not null) claims.Add(new Claim(Roles.DepartmentClaim, department));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Test]
    public void A_reviewer_acts_only_in_their_own_department()
    {
        var hb = User(Roles.Reviewer, Departments.Environment);
        Assert.That(DepartmentAuthorizationHandler.CanActIn(hb, Departments.Environment), Is.True);
        Assert.That(DepartmentAuthorizationHandler.CanActIn(hb, Departments.Housing), Is.False);
    }

    [Test]
    public void A_chief_representative_without_a_department_acts_nowhere() =>
        Assert.That(DepartmentAuthorizationHandler.CanActIn(User(Roles.ChiefRepresentative), Departments.Housing), Is.False);

    [Test]
    public void Bureau_wide_roles_act_everywhere_and_applicants_nowhere()
    {
        foreach (var role in new[] { Roles.Supervisor, Roles.Administrator, Roles.BureauHead, Roles.Clerk })
            Assert.That(DepartmentAuthorizationHandler.CanActIn(User(role), Departments.Water), Is.True, role);
        Assert.That(DepartmentAuthorizationHandler.CanActIn(User(Roles.Applicant), Departments.Water), Is.False);
    }
}
