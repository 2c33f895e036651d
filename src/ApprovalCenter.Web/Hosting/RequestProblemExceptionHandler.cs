using Microsoft.AspNetCore.Diagnostics;

namespace ApprovalCenter.Web.Hosting;

/// <summary>On the API, an exception caused by bad input or a database outage becomes its
/// ProblemDetails (400 naming the field, 413, 415, 503) instead of a 500. Pages are left to the
/// /Error page, which describes the same problem; real faults fall through to the 500.</summary>
public sealed class RequestProblemExceptionHandler(ILogger<RequestProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!StatusCodePages.IsApi(http) || RequestProblems.FromException(exception) is not { } problem) return false;
        if (problem.Status >= 500) log.LogWarning(exception, "Answered {Status}: the database is unavailable", problem.Status);
        await RequestProblemResponses.WriteAsync(http, problem);
        return true;
    }

    /// <summary>The status the exception handler sets before re-running /Error for a page.</summary>
    public static int StatusFor(Exception exception) => RequestProblems.FromException(exception)?.Status ?? StatusCodes.Status500InternalServerError;
}
