using System.Text;
using MiniExcelLibs;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalCenter.Web.Reporting;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// Writes a <see cref="ReportTable"/> as CSV or XLSX with MiniExcel, for Razor pages (<see cref="File"/>) and
/// minimal API endpoints (<see cref="Result"/>) alike. CSV carries a UTF-8 byte order mark because Excel on a
/// Chinese Windows opens BOM-less CSV as GBK and shows mojibake.
/// </summary>
public static class ReportExport
{
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Reads <c>csv</c> or <c>xlsx</c> (any case); anything else is refused by the caller with a message naming <c>format</c>.</summary>
    public static bool TryParse(string? value, out ExportFormat format)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "csv": format = ExportFormat.Csv; return true;
            case "xlsx": format = ExportFormat.Xlsx; return true;
            default: format = default; return false;
        }
    }

    public const string FormatError = "导出格式只能是 csv 或 xlsx";

    public static byte[] Render(ReportTable table, ExportFormat format)
    {
        // A DataTable, because MiniExcel writes its headings even when it has no rows.
        var data = new System.Data.DataTable(SheetName(table.Title));
        foreach (var c in table.Columns) data.Columns.Add(c, typeof(object));
        foreach (var r in table.Rows)
            data.Rows.Add(Enumerable.Range(0, table.Columns.Count).Select(i => i < r.Count ? Cell(r[i]) ?? DBNull.Value : DBNull.Value).ToArray());
        using var stream = new MemoryStream();
        if (format == ExportFormat.Csv) stream.Write(Encoding.UTF8.Preamble);
        stream.SaveAs(data, printHeader: true, sheetName: SheetName(table.Title),
            excelType: format == ExportFormat.Csv ? ExcelType.CSV : ExcelType.XLSX);
        return stream.ToArray();
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv ? CsvContentType : XlsxContentType;

    public static string FileName(string baseName, ExportFormat format) => $"{baseName}.{(format == ExportFormat.Csv ? "csv" : "xlsx")}";

    /// <summary>For a Razor page handler: <c>return ReportExport.File(table, format, "好差评统计");</c></summary>
    public static FileContentResult File(ReportTable table, ExportFormat format, string baseName) =>
        new(Render(table, format), ContentType(format)) { FileDownloadName = FileName(baseName, format) };

    /// <summary>For a minimal API endpoint.</summary>
    public static IResult Result(ReportTable table, ExportFormat format, string baseName) =>
        Results.File(Render(table, format), ContentType(format), FileName(baseName, format));

    // Dates as ISO text in China time so both formats read the same; everything else as is.
    private static object? Cell(object? value) => value switch
    {
        DateTimeOffset d => d.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        _ => value,
    };

    // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => !":\\/?*[]".Contains(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet1";
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
