using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Section 项目信息: project name, location and item-relevant free text.</summary>
public sealed class ProjectModel(PortalService portal, UserManager<AppUser> users) : DraftPageModel(portal, users)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写项目名称。")] [StringLength(100, ErrorMessage = "项目名称不能超过100个字。")] public string? Name { get; set; }
        [Required(ErrorMessage = "请填写项目地点。")] [StringLength(200, ErrorMessage = "项目地点不能超过200个字。")] public string? Location { get; set; }
        [StringLength(2000, ErrorMessage = "申请说明不能超过2000个字。")] public string? Description { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Input = new InputModel { Name = Answer("projectName"), Location = Answer("projectLocation"), Description = Answer("projectDescription") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        if (!ModelState.IsValid) return Page();
        await Portal.SaveDataAsync(Draft, new Dictionary<string, string>
        {
            ["projectName"] = Input.Name!, ["projectLocation"] = Input.Location!, ["projectDescription"] = Input.Description ?? "",
        });
        return Redirect(TaskListUrl);
    }
}
