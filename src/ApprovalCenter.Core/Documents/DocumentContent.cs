namespace ApprovalCenter.Documents;

/// <summary>Who the document is addressed to. Organisations are identified by their unified
/// social credit code, natural persons by their ID number; the label says which, so that the
/// printed line reads correctly for both.</summary>
public sealed record DocumentParty(string Name, string IdentifierLabel, string Identifier, string? Alias = null)
{
    public static DocumentParty Organisation(string name, string creditCode, string? alias = null) =>
        new(name, "统一社会信用代码", creditCode, alias);

    public static DocumentParty Person(string name, string idNumber) => new(name, "身份证号码", idNumber);

    /// <summary>"Name (Alias)" — foreign-invested companies often give an English name too.</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(Alias) ? Name : $"{Name}（{Alias}）";
}

/// <summary>The approval item (事项) from the catalog, by name and catalog code.</summary>
public sealed record DocumentItem(string Name, string Code);

/// <summary>What every document of a case shares: number, date, applicant and item.</summary>
public sealed record DocumentHeader(string CaseNumber, DateOnly IssueDate, DocumentParty Applicant, DocumentItem Item);

/// <summary>A "label: value" line near the top of the document (申请事项、受理日期, ...).</summary>
public sealed record DocumentField(string Label, string Value);

/// <summary>A bordered table, e.g. the missing materials of a one-time notice. Widths are
/// relative weights (null = equal columns).</summary>
public sealed record DocumentTable(
    string Caption,
    IReadOnlyList<string> Headers,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<double>? RelativeWidths = null);

/// <summary>The complete, printable content of one document. Pure data: the renderer decides
/// how it looks, the templates decide what the law requires it to say.</summary>
public sealed record DocumentContent
{
    public required DocumentKind Kind { get; init; }
    /// <summary>Usually <see cref="DocumentKinds.Title"/>; a certificate carries its own title.</summary>
    public required string Title { get; init; }
    public required string CaseNumber { get; init; }
    public required DateOnly IssueDate { get; init; }
    public required DocumentParty Applicant { get; init; }
    public required DocumentItem Item { get; init; }
    public IReadOnlyList<DocumentField> Fields { get; init; } = [];
    public IReadOnlyList<string> Paragraphs { get; init; } = [];
    public DocumentTable? Table { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public IReadOnlyList<string> Remedies { get; init; } = [];
    /// <summary>Diagonal text over the page, e.g. 附条件 · 承诺待核查 on a commitment-based approval.</summary>
    public string? Watermark { get; init; }

    /// <summary>Case number plus kind code: unique per document of a case.</summary>
    public string DocumentNumber => $"{CaseNumber}-{Kind.Code()}";

    /// <summary>Every printable string, in reading order. Lets tests and search check what a
    /// document says without rendering it.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Title;
        yield return DocumentNumber;
        yield return Applicant.DisplayName;
        yield return $"{Applicant.IdentifierLabel}：{Applicant.Identifier}";
        foreach (var f in Fields) yield return $"{f.Label}：{f.Value}";
        foreach (var p in Paragraphs) yield return p;
        if (Table is not null)
        {
            yield return Table.Caption;
            yield return string.Join(" ", Table.Headers);
            foreach (var row in Table.Rows) yield return string.Join(" ", row);
        }
        foreach (var l in LegalBasis) yield return l;
        foreach (var r in Remedies) yield return r;
    }
}
