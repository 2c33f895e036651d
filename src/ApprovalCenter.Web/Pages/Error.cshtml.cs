using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages;

/// <summary>The friendly page for 404s and unexpected errors (a status code in ?code=).</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; } = 500;
    public string Title { get; private set; } = "系统繁忙";
    public string Message { get; private set; } = "处理请求时出现问题，请稍后再试。如问题持续，请拨打12345反映。";
    public string? RequestId { get; private set; }
    public string? OriginalPath { get; private set; }

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Code = code ?? 500;
        OriginalPath = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Message) = Code switch
        {
            404 => ("页面不存在", "您访问的页面不存在或已被移除。请检查地址，或从首页重新进入。"),
            403 => ("无权访问", "当前账号没有访问此页面的权限。"),
            400 => ("请求有误", "请求的内容无法处理，请返回上一页检查后重试。"),
            429 => ("请求过于频繁", "请求过于频繁，请稍后再试。"),
            _ => (Title, Message),
        };
        if (Code != 500) Response.StatusCode = Code;
        else Response.StatusCode = 500;
    }
}
