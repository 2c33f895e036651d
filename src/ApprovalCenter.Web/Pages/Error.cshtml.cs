using System.Diagnostics;
using ApprovalCenter.Web.Hosting;
using ApprovalCenter.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace ApprovalCenter.Web.Pages;

/// <summary>
/// The friendly page for every error of a page request. It re-runs under the method and with the
/// body of the request that failed, so it has no handlers and reads nothing from the request but
/// what the failure left behind: the status already set, the exception, or the
/// <see cref="RequestProblem"/> the edge recorded (which names the field and the reason).
/// Visited directly, /Error is simply a page that does not exist.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[AcceptsAnyMethod]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> l) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";
    /// <summary>The specific reason (already localized), when the edge or the exception gave one.</summary>
    public string? Detail { get; private set; }
    public string? RequestId { get; private set; }
    public string? OriginalPath { get; private set; }

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        OriginalPath = reExecuted?.OriginalPath;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        var problem = HttpContext.Items[RequestProblem.ItemsKey] as RequestProblem ?? (failure is null ? null : RequestProblems.FromException(failure));
        Code = failure is not null || reExecuted is not null ? Response.StatusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable) Response.Headers.RetryAfter = "30";
        (Title, Message) = Describe(Code);
        if (problem is not null) Detail = problem.Localize(l).Detail;
    }

    private static (string Title, string Message) Describe(int code) => code switch
    {
        400 => ("请求有误", "请求的内容无法处理，请返回上一页检查后重试。"),
        403 => ("无权访问", "当前账号没有访问此页面的权限。"),
        404 => ("页面不存在", "您访问的页面不存在或已被移除。请检查地址，或从首页重新进入。"),
        405 => ("不支持的请求方法", "此页面不接受这种请求方式。请从页面上的链接或按钮进入。"),
        413 => ("提交的内容过大", "提交的内容超过了上限，请精简后再提交。"),
        415 => ("不支持的内容类型", "提交的内容类型或字符集不受支持，请使用本站页面提交。"),
        429 => ("请求过于频繁", "请求过于频繁，请稍后再试。"),
        503 => ("服务暂时不可用", "系统正在恢复，请稍后再试。已提交的办件不会丢失。"),
        >= 400 and < 500 => ("请求有误", "请求的内容无法处理，请返回上一页检查后重试。"),
        _ => ("系统繁忙", "处理请求时出现问题，请稍后再试。如问题持续，请拨打12345反映。"),
    };
}
