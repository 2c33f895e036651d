using System.Text;
using ApprovalCenter.Catalog;
using ApprovalCenter.Workflow;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ApprovalCenter.Web.Pages.Admin.Catalog;

/// <summary>
/// CSV import: read (CatalogCsv), check every row (CatalogRules), preview what would be added,
/// changed and removed, then on confirmation store the whole catalog as a new revision. Any error
/// is listed with its line and column and nothing is saved.
/// </summary>
public sealed class ImportModel(CatalogProvider catalogs) : PageModel
{
    public sealed record ErrorRow(string Line, string Column, string Reason);

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Csv { get; set; }
    [BindProperty] public string? Note { get; set; }
    public CatalogChanges? Changes { get; private set; }
    public IReadOnlyList<ErrorRow> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (Upload is { Length: > 0 })
        {
            if (Upload.Length > 1024 * 1024) { ModelState.AddModelError(nameof(Upload), $"文件“{Upload.FileName}”过大：目录 CSV 不应超过 1 MB。"); return Page(); }
            using var reader = new StreamReader(Upload.OpenReadStream(), Encoding.UTF8);
            Csv = await reader.ReadToEndAsync(ct);
        }
        await CheckAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await CheckAsync(ct) is not { } items) return Page();
        if (string.IsNullOrWhiteSpace(Note)) { ModelState.AddModelError(nameof(Note), "请填写修改原因"); return Page(); }
        var result = await catalogs.SaveItemsAsync(CatalogJson.WriteItems(items), User.Identity?.Name ?? "admin", "CSV导入：" + Note.Trim(), ct);
        if (!result.IsSuccess)
        {
            Errors = result.Errors.Select(e => new ErrorRow(e.File, e.Path, e.Reason)).ToList();
            foreach (var e in result.Errors) ModelState.AddModelError(nameof(Upload), $"{e.Path}：{e.Reason}");
            Changes = null;
            return Page();
        }
        return Redirect($"/Admin/Catalog?saved={(await catalogs.GetAsync(ct)).Revision}");
    }

    /// <summary>Reads and checks the CSV; the merged items when every row is valid, otherwise null with the errors listed.</summary>
    private async Task<IReadOnlyList<CatalogItem>?> CheckAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Csv)) { ModelState.AddModelError(nameof(Upload), "请选择 CSV 文件或粘贴 CSV 内容。"); return null; }
        var snapshot = await catalogs.GetAsync(ct);
        var read = CatalogCsv.Read("catalog.csv", Csv);
        var errors = read.Errors.ToList();
        IReadOnlyList<CatalogItem>? merged = null;
        if (read.Value is { } rows)
        {
            merged = CatalogChanges.MergeCsv(snapshot.Catalog.Items, rows);
            errors.AddRange(CatalogRules.Check(merged, snapshot.Catalog.Departments.Select(d => d.Name).ToList(), snapshot.Definitions.Ids, "catalog.csv", i => $"第{i + 2}行"));
        }
        if (errors.Count > 0)
        {
            Errors = errors.Select(Row).ToList();
            foreach (var e in Errors) ModelState.AddModelError(nameof(Upload), $"{e.Line} {e.Column}：{e.Reason}");
            return null;
        }
        Changes = CatalogChanges.Between(snapshot.Catalog.Items, merged!);
        return merged;
    }

    private static ErrorRow Row(LoadError e)
    {
        var dot = e.Path.IndexOf('.');
        return dot < 0 ? new ErrorRow(e.Path, "", e.Reason) : new ErrorRow(e.Path[..dot], e.Path[(dot + 1)..], e.Reason);
    }
}
