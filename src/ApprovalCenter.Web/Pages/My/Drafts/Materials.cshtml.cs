using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using ApprovalCenter.Uploads;
using ApprovalCenter.Web.Portal;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Pages.My.Drafts;

/// <summary>Section 申请材料: one file per material, replaceable. Each file is checked by content;
/// a rejected one is reported by name while the accepted ones in the same post are kept.</summary>
public sealed class MaterialsModel(PortalService portal, UserManager<AppUser> users, FileStore store) : DraftPageModel(portal, users)
{
    public List<PortalFile> Files { get; private set; } = [];
    public int Saved { get; private set; }
    public string MaxSize => UploadPolicy.Megabytes(store.Policy.MaxBytes) + " MB";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } fail) return fail;
        Files = await Portal.DraftFilesAsync(Draft.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync() is { } fail) return fail;
        for (var i = 0; i < Item.Materials.Count; i++)
        {
            var file = Request.Form.Files.GetFile($"file-{i}");
            if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))) continue;
            var stored = await PortalUploads.TrySaveAsync(store, file, Applicant.Id, ModelState, $"file-{i}", ct);
            if (stored is null) continue;
            await Portal.AttachAsync(Draft.Id, null, Item.Materials[i].Name, stored, CaseFileStage.Application, ct);
            Saved++;
        }
        if (ModelState.IsValid) return Redirect(TaskListUrl);
        Files = await Portal.DraftFilesAsync(Draft.Id, ct);
        return Page();
    }
}
