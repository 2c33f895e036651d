using System.Security.Claims;
using ApprovalCenter.Identity;
using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;

namespace ApprovalCenter.Web.Uploads;

public sealed record UploadedFileResponse(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>POST /api/v1/files (multipart, field “file”) and GET /api/v1/files/{id}.</summary>
public static class UploadsApi
{
    public const string FormField = "file";

    /// <summary>The request body we accept on the upload endpoint: the policy limit plus half again
    /// (and 1 MB for the multipart framing), so a file somewhat over the limit still reaches the
    /// policy and gets its clear message instead of a bare 413 from the server.</summary>
    public static long RequestAllowance(UploadPolicy policy) => policy.MaxBytes + policy.MaxBytes / 2 + 1024 * 1024;

    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/files").WithTags("Files").RequireAuthorization();
        api.MapPost("", UploadAsync).WithSummary("Upload one material (multipart field “file”); the type is recognised by content")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<UploadedFileResponse>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/{id:guid}", DownloadAsync).WithSummary("Download a file (its uploader, or staff who may open a case holding it; journaled)");
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext ctx, FileStore store, UserManager<AppUser> users, CancellationToken ct)
    {
        var policy = store.Policy;
        var allowance = RequestAllowance(policy);
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = allowance;
        if (!ctx.Request.HasFormContentType)
            return Invalid("请以 multipart/form-data 表单上传文件（字段 file）。");
        if (ctx.Request.ContentLength > allowance)
            return TooLarge(policy, ctx.Request.ContentLength.Value);

        IFormCollection form;
        try
        {
            form = await ctx.Request.ReadFormAsync(ct);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(policy, ctx.Request.ContentLength);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // Multipart framing broken or cut off mid-upload, or the multipart body limit hit.
            return Invalid("上传的表单无法读取，请重新选择文件后再试。");
        }

        // Cookie-authenticated and state-changing: the antiforgery token (header X-CSRF-TOKEN or
        // form field __RequestVerificationToken) proves the request comes from our own pages.
        if (await ApiAntiforgery.ValidateAsync(ctx, "页面已过期或请求不是从本站发出，请刷新页面后重新上传。") is { } forged) return forged;

        var file = form.Files.GetFile(FormField);
        if (file is null) return Invalid("请选择要上传的文件（表单字段 file）。");
        if (policy.CheckSize(file.FileName, file.Length) is { } sizeError) return Invalid(sizeError);

        var bytes = new byte[file.Length];
        await using (var s = file.OpenReadStream()) await s.ReadExactlyAsync(bytes, ct);
        try
        {
            var stored = await store.SaveAsync(file.FileName, bytes, users.GetUserId(ctx.User)!, ct);
            return Results.Created($"/api/v1/files/{stored.Id}", new UploadedFileResponse(stored.Id, stored.FileName, stored.ContentType, stored.Size, stored.Sha256));
        }
        catch (UploadRejectedException e)
        {
            return Invalid(e.Message);
        }
    }

    /// <summary>The uploader gets their own file; anyone else only through a case they may open
    /// (its department's staff, the bureau-wide roles), and that open is journaled on the case.</summary>
    private static async Task<IResult> DownloadAsync(Guid id, HttpContext ctx, FileStore store, ApprovalCenter.Web.Cases.CaseMaterials materials, UserManager<AppUser> users, CancellationToken ct)
    {
        var user = ctx.User;
        var file = await store.GetAsync(id, ct);
        if (file is null) return Results.Problem(statusCode: 404, title: "未找到", detail: "文件不存在。");
        if (file.UploadedBy == users.GetUserId(user)) return Results.File(file.Content, file.ContentType, file.FileName);
        if (await materials.LinkedCaseAsync(id, user, ct) is { } found && ApprovalCenter.Web.Cases.CaseActors.From(ctx) is { } actor
            && await materials.OpenAsync(found.Case, found.Material, actor, ct) is { } opened)
            return Results.File(opened.Content, opened.ContentType, opened.FileName);
        return Results.Problem(statusCode: 403, title: "无权访问", detail: "只有上传人、办件所属部门的工作人员和督查人员可以查看此文件。");
    }

    private static IResult Invalid(string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [FormField] = [message] }, title: "文件未通过检查", detail: message);

    private static IResult TooLarge(UploadPolicy policy, long? requestBytes) => Invalid(requestBytes is { } n
        ? $"上传的内容超过大小上限 {UploadPolicy.Megabytes(policy.MaxBytes)} MB（请求大小 {UploadPolicy.Megabytes(n)} MB），请压缩或拆分后再上传。"
        : $"上传的内容超过大小上限 {UploadPolicy.Megabytes(policy.MaxBytes)} MB，请压缩或拆分后再上传。");
}
