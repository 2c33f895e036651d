using System.ComponentModel.DataAnnotations;
using ApprovalCenter.Identity;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Section 申请人信息: name and code come from the account; contact details are asked.</summary>
public sealed class ApplicantModel(PortalService portal, UserManager<AppUser> users) : DraftPageModel(portal, users)
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "请填写联系人。")] [StringLength(50, ErrorMessage = "联系人不能超过50个字。")] public string? Contact { get; set; }
        [Required(ErrorMessage = "请填写联系电话。")]
        [RegularExpression(@"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$", ErrorMessage = "联系电话应为11位手机号码或带区号的固定电话，例如 0763-3388000。")]
        public string? Phone { get; set; }
        [Required(ErrorMessage = "请填写通讯地址。")] [StringLength(200, ErrorMessage = "通讯地址不能超过200个字。")] public string? Address { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Input = new InputModel { Contact = Answer("applicantContact"), Phone = Answer("applicantPhone"), Address = Answer("applicantAddress") };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        if (!ModelState.IsValid) return Page();
        await Portal.SaveDataAsync(Draft, new Dictionary<string, string>
        {
            ["applicantContact"] = Input.Contact!, ["applicantPhone"] = Input.Phone!, ["applicantAddress"] = Input.Address!,
        });
        return Redirect(TaskListUrl);
    }
}
