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
        if (IsBureauWide(user)) return true;
        if (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative))
            return user.HasClaim(Roles.DepartmentClaim, department);
        return false;
    }

    /// <summary>Clerks at the comprehensive window, supervisors, the head of the bureau and
    /// administrators work across all departments.</summary>
    public static bool IsBureauWide(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.BureauHead) || user.IsInRole(Roles.Clerk);

    /// <summary>The department a staff queue is limited to: null (all) for bureau-wide roles, the
    /// user's own for everyone else, and "" (matching no case) when they have none.</summary>
    public static string? QueueDepartment(ClaimsPrincipal user) =>
        IsBureauWide(user) ? null : user.FindFirst(Roles.DepartmentClaim)?.Value ?? "";
}
