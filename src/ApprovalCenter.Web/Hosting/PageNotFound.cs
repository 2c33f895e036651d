using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Hosting;

public static class PageNotFound
{
    /// <summary>404 whose error page says what is missing (“没有 1999 年的工作日历”), not only that
    /// the page does not exist. <paramref name="detail"/> is a key of Localization/en.json.</summary>
    public static NotFoundResult NotFoundBecause(this PageModel page, string detail, params object[] args)
    {
        page.HttpContext.Items[RequestProblem.ItemsKey] = new RequestProblem(StatusCodes.Status404NotFound, "未找到", detail, null, args);
        return page.NotFound();
    }
}
