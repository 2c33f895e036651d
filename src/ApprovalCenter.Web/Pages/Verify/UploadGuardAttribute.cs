using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ApprovalCenter.Web.Pages.Verify;

/// <summary>
/// Lets a PDF somewhat over the upload limit reach the page, which then says "too large" in words,
/// and turns a body too large even for that, or a broken multipart form, into a redirect to the
/// page with the problem named. Without it the antiforgery check, which reads the form first,
/// fails with a bare 400/413 or an exception. Runs before every other filter for that reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UploadGuardAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string ProblemQuery = "problem";
    public const string TooLarge = "too-large";
    public const string Unreadable = "unreadable";

    public int Order => int.MinValue;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsPost(http.Request.Method)) return;
        var allowance = UploadsApi.RequestAllowance(http.RequestServices.GetRequiredService<UploadPolicy>());
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = allowance;
        if (http.Request.ContentLength > allowance) { context.Result = Back(http, TooLarge); return; }
        if (!http.Request.HasFormContentType) return;   // the handler explains a missing file
        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = Back(http, TooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            context.Result = Back(http, Unreadable);
        }
    }

    private static RedirectResult Back(HttpContext http, string problem) => new($"{http.Request.Path}?{ProblemQuery}={problem}");
}
