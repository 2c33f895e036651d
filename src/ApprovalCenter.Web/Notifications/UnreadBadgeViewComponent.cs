using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ApprovalCenter.Identity;

namespace ApprovalCenter.Web.Notifications;

/// <summary>The “消息” link with the unread count in the layout's account area. It runs on every
/// page, so it is one COUNT over a partial index of unread rows, and nothing for anonymous visitors.</summary>
public sealed class UnreadBadgeViewComponent(AppDbContext db, UserManager<AppUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (HttpContext.User.Identity?.IsAuthenticated != true || users.GetUserId(HttpContext.User) is not { } userId)
            return Content("");
        return View(await NotificationsApi.UnreadCountAsync(db, userId, HttpContext.RequestAborted));
    }
}
