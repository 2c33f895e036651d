using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Check answers, then submit: the case is created through CaseService and the
/// applicant lands on the confirmation page.</summary>
public sealed class CheckModel(PortalService portal, UserManager<AppUser> users, ILogger<CheckModel> log) : DraftPageModel(portal, users)
{
    public List<PortalFile> Files { get; private set; } = [];
    public DraftStatus Status { get; private set; } = null!;
    public List<string> Problems { get; } = [];

    private async Task<IActionResult?> PrepareAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Files = await Portal.DraftFilesAsync(Draft.Id);
        Status = PortalService.Evaluate(Draft, Item, Files);
        if (!Status.Applicant) Problems.Add("申请人信息未填写完整");
        if (!Status.Project) Problems.Add("项目信息未填写完整");
        if (Status.MissingCore.Count > 0) Problems.Add("未上传核心材料：" + string.Join("、", Status.MissingCore));
        if (Status.MissingCore.Count == 0 && !Status.Materials) Problems.Add("一般程序须提交全部材料，未上传：" + string.Join("、", Status.MissingTolerable) + "（或选择容缺受理/告知承诺）");
        if (!Status.Mode) Problems.Add("未选择办理方式");
        else if (!Status.Declaration) Problems.Add("未签署声明/承诺");
        return null;
    }

    public async Task<IActionResult> OnGetAsync() => await PrepareAsync() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await PrepareAsync() is { } fail) return fail;
        if (!Status.Complete)
        {
            ModelState.AddModelError("", "申请还有未完成的部分，请先完成全部任务。");
            return Page();
        }
        try
        {
            var record = await Portal.SubmitAsync(Draft, Item, Applicant, Actor, ct);
            log.LogInformation("Draft {Draft} submitted as case {Case}", Draft.Id, record.Number);
            return Redirect($"/My/Cases/{record.Number}/Submitted");
        }
        catch (CaseException e)
        {
            ModelState.AddModelError("", e.Message);
            return Page();
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            // Submitted twice at once (a double click): the other request won and the draft is gone;
            // this one was rolled back as a whole, so no second case exists.
            ModelState.AddModelError("", "该申请已经提交，请在“我的办件”中查看办件。");
            return Page();
        }
    }
}
