using System.Security.Claims;
using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Authorization;

namespace ApprovalCenter.Web.Identity;

/// <summary>A resource that belongs to one department (an item, a case, a task).</summary>
public sealed record DepartmentResource(string Department);

/// <summary>Operation requirement: the user may work on resources of this department.</summary>
public sealed class DepartmentRequirement : IAuthorizationRequirement
{
    public static readonly DepartmentRequirement Instance = new();
}

/// <summary>Department-scoped staff (reviewers, chief representatives) may only act in their own
/// department; bureau-wide roles (clerks at the comprehensive window, supervisors, the head of
/// the bureau, administrators) act in all of them.</summary>
public sealed class DepartmentAuthorizationHandler : AuthorizationHandler<DepartmentRequirement, DepartmentResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DepartmentRequirement requirement, DepartmentResource resource)
    {
        if (CanActIn(context.User, resource.Department)) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    public static bool CanActIn(ClaimsPrincipal user, string department)
    {
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.BureauHead) || user.IsInRole(Roles.Clerk))
            return true;
        if (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative))
            return user.HasClaim(Roles.DepartmentClaim, department);
        return false;
    }
}
