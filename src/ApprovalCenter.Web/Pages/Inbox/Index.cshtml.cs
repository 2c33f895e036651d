using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using ApprovalCenter.Web.Notifications;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Pages.Inbox;

/// <summary>Every signed-in user's inbox: what happened in their cases, newest first. Marking read
/// is a POST (antiforgery-checked by Razor Pages) followed by a redirect, so reloading never repeats it.</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, UserManager<AppUser> users, BusinessClock clock) : PageModel
{
    public IReadOnlyList<NotificationItem> Items { get; private set; } = [];
    public int UnreadCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        Items = await NotificationsApi.LatestAsync(db, userId, ct);
        UnreadCount = await NotificationsApi.UnreadCountAsync(db, userId, ct);
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var now = clock.GetUtcNow();
        await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return RedirectToPage();
    }
}
