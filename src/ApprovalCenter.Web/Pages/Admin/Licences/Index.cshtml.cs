using ApprovalCenter.Cases;
using ApprovalCenter.Web.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MiniExcelLibs;

namespace ApprovalCenter.Web.Pages.Admin.Licences;

/// <summary>The licence register (ALL Art. 50): administrators import the licences with a term issued before the
/// system, as CSV or XLSX with the heading row of <see cref="LicenceImport.Columns"/>; every line is checked and the
/// file is taken whole or not at all, with each problem named by line and column.</summary>
[Authorize(Policy = Policies.Administration)]
[RequestSizeLimit(MaxBytes)]
public sealed class IndexModel(LicenceRegister register) : PageModel
{
    private const int MaxBytes = 5 * 1024 * 1024;

    public List<Licence> Licences { get; private set; } = [];
    public List<LicenceLineError> ImportErrors { get; private set; } = [];
    public int? Imported { get; private set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(int? imported, CancellationToken ct)
    {
        Imported = imported;
        Licences = await register.SearchAsync(Q, ct: ct);
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var rows = Upload is null || Upload.Length == 0 ? null : Read(Upload);
        if (Upload is null || Upload.Length == 0) ModelState.AddModelError(nameof(Upload), "请选择要导入的 CSV 或 XLSX 文件");
        else if (Upload.Length > MaxBytes) ModelState.AddModelError(nameof(Upload), "文件不能超过 5 MB");
        else if (rows is null) ModelState.AddModelError(nameof(Upload), "无法读取该文件：请上传 UTF-8 编码的 CSV，或 Excel 的 XLSX 文件，首行为列名");
        if (ModelState.IsValid)
        {
            var (lines, errors) = LicenceImport.Parse(rows!);
            var user = User.Identity?.Name ?? "";
            var (count, lookups) = await register.ImportAsync(lines, User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? user, user,
                HttpContext.Connection.RemoteIpAddress?.ToString(), Upload!.FileName, checkOnly: errors.Count > 0, ct);
            if (errors.Count == 0 && lookups.Count == 0) return Redirect($"/Admin/Licences?imported={count}");
            errors.AddRange(lookups);
            ImportErrors = errors.OrderBy(e => e.Line).ToList();
            ModelState.AddModelError(nameof(Upload), $"文件有 {errors.Count} 处问题，未导入任何证照，请改正后重新导入");
        }
        Licences = await register.SearchAsync(Q, ct: ct);
        return Page();
    }

    /// <summary>Reads the heading row and the data rows as text (XLSX by its zip signature, else UTF-8 CSV); null when unreadable.</summary>
    private static List<IReadOnlyDictionary<string, string?>>? Read(IFormFile file)
    {
        try
        {
            using var buffer = new MemoryStream();
            file.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var xlsx = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
            if (!xlsx && !IsUtf8(bytes)) return null;
            buffer.Position = 0;
            var rows = buffer.Query(useHeaderRow: true, excelType: xlsx ? ExcelType.XLSX : ExcelType.CSV).Cast<IDictionary<string, object?>>();
            return rows.Select(r => (IReadOnlyDictionary<string, string?>)r.ToDictionary(kv => kv.Key.Trim().TrimStart('\uFEFF'), kv => Text(kv.Value))).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException or ArgumentException or NotSupportedException or System.Xml.XmlException)
        {
            return null;
        }
    }

    private static string? Text(object? v) => v switch
    {
        null => null,
        DateTime d => d.ToString("yyyy-MM-dd"),
        double x => x.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    };

    private static bool IsUtf8(byte[] bytes)
    {
        try { _ = new System.Text.UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (System.Text.DecoderFallbackException) { return false; }
    }
}
