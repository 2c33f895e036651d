using ApprovalCenter.Configuration;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ApprovalCenter.Web.Hosting;

/// <summary>
/// The one place where every request's own text is checked before a page or endpoint sees it:
/// the charset (UTF-8 only), the path and query, a page's form and an API call's JSON body (no NUL,
/// no lone surrogates, no control characters; JSON well-formed; case data within its limit).
/// A refusal names the field and the reason (<see cref="RequestProblem"/>). It runs after
/// authorization, so nobody can make us read a body for a page they may not post to.
/// </summary>
public sealed class RequestInputGuard(RequestDelegate next, IOptions<ApprovalCenterOptions> options, ILogger<RequestInputGuard> log)
{
    /// <summary>What a request may carry beyond the case data itself: item code, mode, step,
    /// version, the antiforgery token and the field names of a page form.</summary>
    public const int EnvelopeBytes = 16 * 1024;

    private int CaseDataMaxBytes => options.Value.Limits.CaseDataMaxBytes;
    private long BodyMaxBytes => (long)CaseDataMaxBytes + EnvelopeBytes;

    public async Task InvokeAsync(HttpContext http)
    {
        // The error page re-runs with the original request; it was checked (or refused) already.
        if (http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            await next(http);
            return;
        }
        var problem = CheckCharset(http.Request) ?? CheckAddress(http.Request) ?? await CheckBodyAsync(http);
        if (problem is not null)
        {
            await RequestProblemResponses.WriteAsync(http, problem);
            return;
        }
        await next(http);
    }

    private static RequestProblem? CheckCharset(HttpRequest request)
    {
        if (request.ContentType is not { } type) return null;
        if (!MediaTypeHeaderValue.TryParse(type, out var media)) return RequestProblem.UnsupportedMediaType();
        var charset = media.Charset.Value?.Trim('"');
        if (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("us-ascii", StringComparison.OrdinalIgnoreCase))
            return null;
        return RequestProblem.UnsupportedCharset(InputText.Printable(charset));
    }

    private static RequestProblem? CheckAddress(HttpRequest request)
    {
        if (InputText.Problem(request.Path.Value, strict: true) is { } badPath) return RequestProblem.BadCharacter("地址", badPath);
        foreach (var (key, values) in request.Query)
        {
            if (InputText.Problem(key, strict: true) is { } badKey) return RequestProblem.BadCharacter(InputText.Printable(key), badKey);
            foreach (var v in values)
                if (InputText.Problem(v) is { } badValue) return RequestProblem.BadCharacter(key, badValue);
        }
        return null;
    }

    private async Task<RequestProblem?> CheckBodyAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentType is null || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) return null;
        var api = StatusCodePages.IsApi(http);
        if (api && request.HasJsonContentType()) return await CheckJsonAsync(http);
        // API forms are uploads; the upload endpoint reads them under its own, larger limit.
        if (api) return null;
        // Pages take forms and nothing else (a page that reads Request.Form would otherwise fail).
        return request.HasFormContentType ? await CheckFormAsync(http) : RequestProblem.NotAForm();
    }

    private async Task<RequestProblem?> CheckFormAsync(HttpContext http)
    {
        var request = http.Request;
        var urlEncoded = !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase);
        if (urlEncoded)
        {
            // The applicant's and the staff's forms carry case data and a few fields (files come as
            // multipart); administrators' forms (a whole catalog CSV) keep the server's limit.
            if (CarriesCaseData(request.Path))
            {
                if (request.ContentLength > BodyMaxBytes) return RequestProblem.BodyTooLarge(BodyMaxBytes);
                if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = BodyMaxBytes;
            }
            // The framework's form reader refuses a NUL without saying in which field; read the
            // fields ourselves first, so the message can name it.
            if (await CheckUrlEncodedAsync(http) is { } named) return named;
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return urlEncoded ? RequestProblem.BodyTooLarge(BodyMaxBytes) : RequestProblem.TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            log.LogInformation("Form of {Path} refused: {Reason}", request.Path, e.Message);
            return RequestProblem.IncompleteForm();   // broken or truncated framing, or the form limits
        }
        foreach (var (key, values) in form)
        {
            if (InputText.Problem(key, strict: true) is { } badKey) return RequestProblem.BadCharacter(InputText.Printable(key), badKey);
            foreach (var v in values)
                if (InputText.Problem(v) is { } badValue) return RequestProblem.BadCharacter(key, badValue);
        }
        foreach (var file in form.Files)
            if ((InputText.Problem(file.Name, strict: true) ?? InputText.Problem(file.FileName)) is { } badName)
                return RequestProblem.BadCharacter(InputText.Printable(file.Name), badName);
        return null;
    }

    private static bool CarriesCaseData(PathString path) =>
        path.StartsWithSegments("/My") || path.StartsWithSegments("/Apply") || path.StartsWithSegments("/Staff");

    private async Task<RequestProblem?> CheckUrlEncodedAsync(HttpContext http)
    {
        var request = http.Request;
        request.EnableBuffering(bufferThreshold: EnvelopeBytes);
        string body;
        try
        {
            using var reader = new StreamReader(request.Body, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
            body = await reader.ReadToEndAsync(http.RequestAborted);
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? RequestProblem.BodyTooLarge(BodyMaxBytes) : RequestProblem.IncompleteForm();
        }
        request.Body.Position = 0;
        foreach (var (key, values) in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(body))
        {
            if (InputText.Problem(key, strict: true) is { } badKey) return RequestProblem.BadCharacter(InputText.Printable(key), badKey);
            foreach (var v in values)
                if (InputText.Problem(v) is { } badValue) return RequestProblem.BadCharacter(key, badValue);
        }
        return null;
    }

    private async Task<RequestProblem?> CheckJsonAsync(HttpContext http)
    {
        var request = http.Request;
        var cases = request.Path.StartsWithSegments("/api/v1/cases");
        var tooLarge = cases ? RequestProblem.CaseDataTooLarge(CaseDataMaxBytes) : RequestProblem.BodyTooLarge(BodyMaxBytes);
        if (request.ContentLength > BodyMaxBytes) return tooLarge;
        var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
            {
                if (body.Length + read > BodyMaxBytes) return tooLarge;
                body.Write(chunk, 0, read);
            }
        }
        catch (Exception e) when (e is IOException or BadHttpRequestException)
        {
            return RequestProblem.IncompleteBody();
        }
        var scan = JsonBodyScanner.Scan(body.GetBuffer().AsSpan(0, (int)body.Length));
        if (scan.Problem is not null) return scan.Problem;
        if (cases && scan.DataBytes > CaseDataMaxBytes) return tooLarge;
        body.Position = 0;
        request.Body = body;   // the endpoint binds from the bytes we read
        return null;
    }
}
