using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Notifications;

public sealed record NotificationItem(long Id, string Title, string Body, string? Link, string? CaseNumber, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
public sealed record NotificationList(int UnreadCount, IReadOnlyList<NotificationItem> Items);

/// <summary>GET /api/v1/notifications: the signed-in user's inbox, newest first.</summary>
public static class NotificationsApi
{
    /// <summary>How many entries the inbox page and the API return; older ones stay in the database.</summary>
    public const int PageSize = 100;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/notifications", async (HttpContext ctx, AppDbContext db, UserManager<AppUser> users, CancellationToken ct) =>
        {
            var userId = users.GetUserId(ctx.User)!;
            return Results.Ok(new NotificationList(await UnreadCountAsync(db, userId, ct), await LatestAsync(db, userId, ct)));
        }).RequireAuthorization().WithTags("Notifications").WithSummary("The signed-in user's notifications, newest first");
        return app;
    }

    public static Task<int> UnreadCountAsync(AppDbContext db, string userId, CancellationToken ct) =>
        db.Set<Notification>().CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);

    public static async Task<IReadOnlyList<NotificationItem>> LatestAsync(AppDbContext db, string userId, CancellationToken ct) =>
        await db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(PageSize)
            .Select(n => new NotificationItem(n.Id, n.Title, n.Body, n.Link, n.CaseNumber, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
}
