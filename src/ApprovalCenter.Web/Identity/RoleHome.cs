using System.Security.Claims;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Web.Identity;

/// <summary>Where each role lands after signing in, and what its navigation shows.</summary>
public static class RoleHome
{
    public sealed record NavLink(string Href, string Label);

    public static string For(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) ? "/Admin" :
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.BureauHead) ? "/Supervision" :
        user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative) ? "/Staff/Review" :
        user.IsInRole(Roles.Clerk) ? "/Staff/Window" :
        user.IsInRole(Roles.Applicant) ? "/My" : "/";

    public static IReadOnlyList<NavLink> Navigation(ClaimsPrincipal user)
    {
        var links = new List<NavLink> { new("/Guide", "办事指南") };
        if (user.IsInRole(Roles.Applicant)) links.Add(new("/My", "我的办件"));
        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.ChiefRepresentative)) links.Add(new("/Staff/Window", "综合受理"));
        if (user.IsInRole(Roles.Clerk)) links.Add(new("/Staff/Pickup", "统一出件"));
        if (user.IsInRole(Roles.Clerk)) links.Add(new("/Hall/Counter", "窗口叫号"));
        if (user.IsInRole(Roles.Applicant)) links.Add(new("/Hall/Appointments", "预约取号"));
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Administrator)) links.Add(new("/Hall/Reports", "大厅报表"));
        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.BureauHead)) links.Add(new("/Windows/Unresolved", "办不成事"));
        if (user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative) || user.IsInRole(Roles.BureauHead)) links.Add(new("/Staff/Review", "审查审批"));
        if (user.IsInRole(Roles.Clerk) || user.IsInRole(Roles.Reviewer) || user.IsInRole(Roles.ChiefRepresentative)) links.Add(new("/Ratings", "我的好差评"));
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.BureauHead) || user.IsInRole(Roles.Administrator)) links.Add(new("/Supervision", "效能督查"));
        if (user.IsInRole(Roles.Administrator)) links.Add(new("/Admin", "系统管理"));
        return links;
    }
}
