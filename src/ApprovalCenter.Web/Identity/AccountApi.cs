using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Identity;

public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, string? Department, string Kind);
public sealed record UserSummary(string UserName, string DisplayName, string? Department, IReadOnlyList<string> Roles);

/// <summary>/api/v1/me and the administrators' user list.</summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Account");

        api.MapGet("/me", async (HttpContext ctx, UserManager<AppUser> users) =>
        {
            var user = await users.GetUserAsync(ctx.User);
            if (user is null) return Results.Problem(statusCode: 401, title: "需要登录", detail: "请先登录后再调用此接口。");
            var roles = await users.GetRolesAsync(user);
            return Results.Ok(new MeResponse(user.UserName!, user.DisplayName, roles.ToList(), user.Department, user.Kind.ToString()));
        }).RequireAuthorization().WithSummary("The signed-in user");

        api.MapGet("/admin/users", async (AppDbContext db) =>
        {
            var rows = await (from u in db.Users
                              select new { u.UserName, u.DisplayName, u.Department, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList() })
                .OrderBy(u => u.UserName).Take(500).ToListAsync();
            return rows.Select(u => new UserSummary(u.UserName!, u.DisplayName, u.Department, u.Roles)).ToList();
        }).RequireAuthorization(Policies.Administration).WithSummary("Users and their roles (administrators)");
        return app;
    }
}
