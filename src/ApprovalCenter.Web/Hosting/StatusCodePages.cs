using Microsoft.AspNetCore.Diagnostics;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Empty error responses become ProblemDetails on the API and a friendly page elsewhere.</summary>
public static class StatusCodePages
{
    public static bool IsApi(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/openapi");

    /// <summary>API requests get ProblemDetails; pages re-execute the friendly /Error page.</summary>
    public static IApplicationBuilder UseApprovalCenterStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(IsApi, api => api.UseStatusCodePages(WriteProblemAsync));
        app.UseWhen(ctx => !IsApi(ctx), pages => pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}"));
        return app;
    }

    private static async Task WriteProblemAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Title = TitleFor(status), Detail = DetailFor(status) },
        });
    }

    public static string TitleFor(int status) => status switch
    {
        400 => "请求有误",
        401 => "需要登录",
        403 => "无权访问",
        404 => "未找到",
        405 => "不支持的请求方法",
        409 => "状态冲突",
        429 => "请求过于频繁",
        _ => "请求未能完成",
    };

    private static string DetailFor(int status) => status switch
    {
        401 => "请先登录后再调用此接口。",
        403 => "当前账号没有执行此操作的权限。",
        404 => "请求的资源不存在。",
        _ => TitleFor(status),
    };
}
