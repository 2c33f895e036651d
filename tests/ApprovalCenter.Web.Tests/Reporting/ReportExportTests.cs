using System.Text;
using ApprovalCenter.Web.Reporting;
using MiniExcelLibs;

namespace ApprovalCenter.Web.Tests.Reporting;

public class ReportExportTests
{
    private static readonly ReportTable Table = new("好差评统计", ["部门", "评价数", "好评率"],
    [
        ["住建", 12, 0.75],
        ["环保, 含逗号", 3, 1.0],
    ]);

    [Test]
    public void Xlsx_holds_the_headings_and_numbers_as_numbers()
    {
        var bytes = ReportExport.Render(Table, ExportFormat.Xlsx);
        var rows = new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0]["部门"], Is.EqualTo("住建"));
        Assert.That(Convert.ToDouble(rows[0]["评价数"]), Is.EqualTo(12));
        Assert.That(Convert.ToDouble(rows[1]["好评率"]), Is.EqualTo(1.0));
        Assert.That(new MemoryStream(bytes).GetSheetNames(), Is.EqualTo(new[] { "好差评统计" }));
    }

    [Test]
    public void Csv_starts_with_a_byte_order_mark_and_quotes_commas()
    {
        var bytes = ReportExport.Render(Table, ExportFormat.Csv);
        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.Preamble.ToArray()), "Excel on Chinese Windows needs the BOM");
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.That(text, Does.StartWith("部门,评价数,好评率"));
        Assert.That(text, Does.Contain("\"环保, 含逗号\",3,1"));
    }

    [Test]
    public void An_empty_table_still_exports_its_headings()
    {
        var bytes = ReportExport.Render(Table with { Rows = [] }, ExportFormat.Csv);
        Assert.That(Encoding.UTF8.GetString(bytes[3..]).Trim(), Is.EqualTo("部门,评价数,好评率"));
    }

    [TestCase("CSV", true)]
    [TestCase("xlsx", true)]
    [TestCase("pdf", false)]
    [TestCase(null, false)]
    public void Only_csv_and_xlsx_are_formats(string? value, bool ok) =>
        Assert.That(ReportExport.TryParse(value, out _), Is.EqualTo(ok));

    [Test]
    public void Chart_json_escapes_html_and_carries_the_numbers()
    {
        var chart = new ChartModel("c1", "bar", Table with { Title = "</script>" }, 0, [1]);
        var json = ReportCells.ChartJson(chart, s => s);
        Assert.That(json, Does.Not.Contain("</script>"));
        Assert.That(json, Does.Contain("[12,3]"));
    }
}
