using ApprovalCenter.Unresolved;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ApprovalCenter.Web.Unresolved;

/// <summary>The 办不成事 window: registration, and the one place that turns its errors into a page's
/// error summary (ModelState keys "Input.X", so the summary links to the input with id "Input_X").</summary>
public static class UnresolvedWeb
{
    public static IServiceCollection AddUnresolved(this IServiceCollection services, IConfiguration configuration) =>
        services.AddUnresolvedMatters(configuration);

    public static void AddErrors(ModelStateDictionary state, UnresolvedException e)
    {
        if (e.Errors.Count == 0) { state.AddModelError("", e.Message); return; }
        foreach (var error in e.Errors) state.AddModelError("Input." + char.ToUpperInvariant(error.Field[0]) + error.Field[1..], error.Message);
    }

    public static IResult Problem(UnresolvedException e) => e.Status == 400 && e.Errors.Count > 0
        ? Results.ValidationProblem(e.Errors.GroupBy(x => x.Field).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray()), detail: e.Message, title: "请求有误")
        : Results.Problem(statusCode: e.Status, title: Hosting.StatusCodePages.TitleFor(e.Status), detail: e.Message);

    public static string StateText(DeadlineState s) => s switch { DeadlineState.Overdue => "已逾期", DeadlineState.Warning => "即将到期", _ => "正常" };
    public static string StateTag(DeadlineState s) => s switch { DeadlineState.Overdue => "tag bad", DeadlineState.Warning => "tag warn", _ => "tag" };
}
