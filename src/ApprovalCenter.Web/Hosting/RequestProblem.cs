using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Why the edge refuses a request: the status, a Chinese title and detail (keys of
/// Localization/en.json, the detail a format with <see cref="Args"/>), and the field at fault.
/// The API answers it as RFC 9457 ProblemDetails (a 400 names the field in <c>errors</c>); pages
/// show it on the friendly error page.</summary>
public sealed record RequestProblem(int Status, string Title, string Detail, string? Field = null, params object[] Args)
{
    public const string ItemsKey = "approvalcenter.request-problem";

    public static RequestProblem BadCharacter(string field, string reason) =>
        new(400, "请求有误", "“{0}”含有不允许的字符：{1}。请删除后重新提交。", field, field, reason);
    public static RequestProblem InvalidJson(long line, long position) =>
        new(400, "请求有误", "请求正文不是有效的 JSON（第 {0} 行第 {1} 个字节附近），请检查后重试。", "$", line + 1, position + 1);
    public static RequestProblem WrongJsonValue(string field) =>
        new(400, "请求有误", "字段“{0}”的值类型不正确，请检查后重试。", field, field);
    public static RequestProblem BadParameter(string name, string value, string expected) =>
        new(400, "请求有误", "参数“{0}”的值“{1}”无效：应为{2}。", name, name, value, expected);
    public static RequestProblem MissingParameter(string name) =>
        new(400, "请求有误", "缺少参数“{0}”。", name, name);
    public static RequestProblem MissingBody() =>
        new(400, "请求有误", "请求缺少 JSON 正文。");
    public static RequestProblem IncompleteBody() =>
        new(400, "请求有误", "请求正文不完整或无法读取，请重新提交。");
    public static RequestProblem IncompleteForm() =>
        new(400, "请求有误", "提交的表单不完整或无法读取（可能是上传中断），请重新提交。");
    public static RequestProblem CaseDataTooLarge(int maxBytes) =>
        new(413, "提交的内容过大", "办件数据超过 {0} KiB 的上限，请精简后再提交。", "data", maxBytes / 1024);
    public static RequestProblem BodyTooLarge(long maxBytes) =>
        new(413, "提交的内容过大", "提交的内容超过 {0} KiB 的上限，请精简后再提交；上传材料请使用材料上传。", null, maxBytes / 1024);
    public static RequestProblem TooLarge() =>
        new(413, "提交的内容过大", "提交的内容过大，请精简后再提交；上传材料请使用材料上传。");
    public static RequestProblem UnsupportedCharset(string charset) =>
        new(415, "不支持的内容类型", "不支持字符集“{0}”：请以 UTF-8 编码提交。", null, charset);
    public static RequestProblem UnsupportedMediaType() =>
        new(415, "不支持的内容类型", "请求正文的类型不受支持：请以 application/json 提交。");
    public static RequestProblem NotAForm() =>
        new(415, "不支持的内容类型", "页面只接受表单提交（application/x-www-form-urlencoded 或 multipart/form-data）。");
    public static RequestProblem DatabaseUnavailable() =>
        new(503, "服务暂时不可用", "系统暂时无法连接数据库，请稍后再试。已提交的办件不会丢失。");
    public static RequestProblem UnstorableText() =>
        new(400, "请求有误", "提交的文字含有无法保存的字符（如 NUL 空字符），请删除后重新提交。");

    /// <summary>Title and detail in the request's language; text arguments (“整数”) are looked up
    /// too, values the client sent come back as sent.</summary>
    public (string Title, string Detail) Localize(IStringLocalizer l) =>
        (l[Title], l[Detail, Args.Select(a => a is string s ? (object)l[s].Value : a).ToArray()]);

    public ProblemDetails ToProblemDetails(IStringLocalizer l)
    {
        var (title, detail) = Localize(l);
        ProblemDetails problem = Field is null
            ? new ProblemDetails()
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [Field] = [detail] });
        problem.Status = Status;
        problem.Title = title;
        problem.Detail = detail;
        return problem;
    }
}
