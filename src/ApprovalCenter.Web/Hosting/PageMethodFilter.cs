using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Marks a page that answers every method (the error page, which re-runs under the
/// method of the request that failed).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AcceptsAnyMethodAttribute : Attribute;

/// <summary>Razor Pages renders a page even when no handler fits the method (POST to a page that
/// only reads, TRACE, PUT): the page model is then never loaded and the view fails with a 500.
/// Such a request gets 405 with an Allow header; an unknown <c>?handler=</c> name gets 404.</summary>
public sealed class PageMethodFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = context.HttpContext.Request.Method;
        var isRead = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (context.HandlerMethod is not null || context.HandlerInstance.GetType().IsDefined(typeof(AcceptsAnyMethodAttribute), inherit: false)
            || (isRead && handlers.Count == 0))
        {
            await next();
            return;
        }
        var allowed = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Append(handlers.Count == 0 ? "GET" : null).OfType<string>().ToList();
        if (allowed.Contains("GET")) allowed.Add("HEAD");
        var forThisMethod = handlers.Any(h => string.Equals(h.HttpMethod, isRead ? "GET" : method, StringComparison.OrdinalIgnoreCase));
        if (forThisMethod)
        {
            context.Result = new NotFoundResult();   // the method is right, the ?handler= name is not
            return;
        }
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed.Distinct());
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
