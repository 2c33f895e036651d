namespace ApprovalCenter.Web.Reporting;

/// <summary>
/// One table of a report: what a chart draws, what the page shows beside it (for screen readers and
/// browsers without JavaScript) and what the CSV/XLSX export contains. Building the three from one value is
/// the point: the numbers a supervisor exports are the numbers on the screen.
/// </summary>
/// <param name="Title">Caption of the table and the sheet name of the export (Chinese first).</param>
/// <param name="Columns">Column headings; unique within the table.</param>
/// <param name="Rows">Cell values: strings, numbers, dates; null prints empty.</param>
public sealed record ReportTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public bool IsEmpty => Rows.Count == 0;

    /// <summary>Builds a table from items with one projection per column, in order.</summary>
    public static ReportTable From<T>(string title, IEnumerable<T> items, params (string Column, Func<T, object?> Value)[] columns) =>
        new(title, columns.Select(c => c.Column).ToArray(),
            items.Select(i => (IReadOnlyList<object?>)columns.Select(c => c.Value(i)).ToArray()).ToArray());
}

/// <summary>A chart over a <see cref="ReportTable"/>: one label column and one or more value columns.</summary>
/// <param name="Id">Unique on the page (also the id of the table's caption).</param>
/// <param name="Kind"><c>bar</c>, <c>line</c> or <c>pie</c>.</param>
public sealed record ChartModel(string Id, string Kind, ReportTable Table, int LabelColumn, IReadOnlyList<int> ValueColumns)
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { "bar", "line", "pie" };
}

/// <summary>The export links under a table: the page's own GET handler <c>Export</c> gets <c>table</c> and <c>format</c>,
/// and the page's current query (its filters) is kept, so an export holds exactly what the screen shows.</summary>
public sealed record ExportLinks(string Table, string Handler = "Export");
