using System.Security.Claims;
using ApprovalCenter.Cases;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Web.Workbench;

public static class StaffActor
{
    public const string DisplayNameClaim = "approvalcenter:display_name";

    /// <summary>The signed-in staff member as the case engine sees them, with the client address for the journal.</summary>
    public static CaseActor From(HttpContext http)
    {
        var user = http.User;
        var role = Roles.All.FirstOrDefault(user.IsInRole) ?? "";
        return new CaseActor(UserId(user), user.FindFirst(DisplayNameClaim)?.Value ?? user.Identity?.Name ?? "",
            role, user.FindFirst(Roles.DepartmentClaim)?.Value, http.Connection.RemoteIpAddress?.ToString());
    }

    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
