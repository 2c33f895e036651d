using System.Globalization;
using System.Text.Json;

namespace ApprovalCenter.Web.Reporting;

/// <summary>How report cells print on the page and feed a chart (the export writes the raw values).</summary>
public static class ReportCells
{
    /// <summary>HttpContext.Items key set by <c>_Chart</c>, so the layout adds the chart scripts only to pages that draw one.</summary>
    public const string ChartsOnPage = "approvalcenter:charts";

    public static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset d => d.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double or float or decimal => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The chart's data as JSON (HTML-safe: &lt; &gt; &amp; are escaped by the default encoder).</summary>
    public static string ChartJson(ChartModel chart, Func<string, string> localize)
    {
        var t = chart.Table;
        var labels = t.Rows.Select(r => Text(r.ElementAtOrDefault(chart.LabelColumn))).ToArray();
        var series = chart.ValueColumns.Select(c => new
        {
            name = localize(t.Columns[c]),
            data = t.Rows.Select(r => ToNumber(r.ElementAtOrDefault(c))).ToArray(),
        }).ToArray();
        var kind = ChartModel.Kinds.Contains(chart.Kind) ? chart.Kind : "bar";
        return JsonSerializer.Serialize(new { kind, title = localize(t.Title), labels, series });
    }

    private static double? ToNumber(object? v) => v switch
    {
        null => null,
        int or long or decimal or double or float or short => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        _ => double.TryParse(v.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };
}
