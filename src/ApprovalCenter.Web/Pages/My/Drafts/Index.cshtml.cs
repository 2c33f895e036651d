using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>The task list (GOV.UK "complete multiple tasks"): each section with its status.</summary>
public sealed class IndexModel(PortalService portal, UserManager<AppUser> users) : DraftPageModel(portal, users)
{
    public sealed record TaskRow(string Key, string Name, string Status, string? Hint);
    public DraftStatus Status { get; private set; } = null!;
    public List<TaskRow> Tasks { get; private set; } = [];
    public int DoneCount => Tasks.Count(t => t.Status == "已完成");

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        var files = await Portal.DraftFilesAsync(Draft.Id);
        Status = PortalService.Evaluate(Draft, Item, files);
        static string Of(bool done, bool started = false) => done ? "已完成" : started ? "进行中" : "未开始";
        Tasks =
        [
            new("Applicant", "申请人信息", Of(Status.Applicant, Answers.ContainsKey("applicantAddress")), null),
            new("Project", "项目信息", Of(Status.Project, Answers.ContainsKey("projectName")), null),
            new("Materials", "申请材料", Of(Status.Materials, Status.MaterialsStarted), $"{files.Count} / {Item.Materials.Count}"),
            new("Mode", "办理方式", Of(Status.Mode), Draft.Mode is { } m ? PortalTexts.ModeName(m) : null),
            new("Declaration", "声明/承诺", Of(Status.Declaration, Draft.SignedAt is not null), null),
        ];
        return Page();
    }
}
