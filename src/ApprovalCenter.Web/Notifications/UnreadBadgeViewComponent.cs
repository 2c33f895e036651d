using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Notifications;

/// <summary>The “消息” link with the unread count in the layout's account area. It runs on every
/// page, so it is one COUNT over a partial index of unread rows, and nothing for anonymous visitors.</summary>
public sealed class UnreadBadgeViewComponent(AppDbContext db, UserManager<AppUser> users, ILogger<UnreadBadgeViewComponent> log) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true || users.GetUserId(HttpContext.User) is not { } userId)
            return Content("");
        try
        {
            return View(await NotificationsApi.UnreadCountAsync(db, userId, HttpContext.RequestAborted));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The layout also frames the error page: a database outage must not turn it into a
            // second failure, so the link is shown without a count.
            log.LogWarning(e, "Unread count unavailable");
            return View(0);
        }
    }
}
