namespace ApprovalCenter.Catalog;

/// <summary>Whether a material must be present to accept (core) or may be supplied later under 容缺受理 (tolerable).</summary>
public enum MaterialType { Core, Tolerable }

public sealed record Material(string Name, MaterialType Type);

/// <summary>The handling modes an item allows; the case picks its container at application time.</summary>
public sealed record ItemModes(bool Immediate, bool Promised, bool Tolerance, bool Commitment, bool Exemption, bool JointReview);

/// <summary>Where an item's limits come from: a public service guide (with its address) or an inference.</summary>
public sealed record ItemSource(bool Inferred, string? Url)
{
    public static readonly ItemSource InferredSource = new(true, null);
    /// <summary>The CSV spelling: the address, or "INFERRED".</summary>
    public string CsvValue => Inferred ? "INFERRED" : Url!;
}

/// <summary>
/// One approval item of the catalog (办事事项). Limits are in working days; the promised limit never
/// exceeds the statutory one (rules.md §1b). The process names the default container.
/// </summary>
public sealed record CatalogItem(
    string Code, string Department, string Name, string Kind, int StatutoryDays, int PromisedDays,
    string Process, string Fee, ItemModes Modes, bool HighRisk, IReadOnlyList<Material> Materials,
    string LegalBasis, ItemSource Source, string? Note = null, ItemTimeRules? TimeRules = null)
{
    /// <summary>The item's warning, verification and tolerance settings; the defaults of rules.md when none are given.</summary>
    public ItemTimeRules Rules => TimeRules ?? ItemTimeRules.Defaults;

    public IEnumerable<string> CoreMaterials => Materials.Where(m => m.Type == MaterialType.Core).Select(m => m.Name);
    public IEnumerable<string> TolerableMaterials => Materials.Where(m => m.Type == MaterialType.Tolerable).Select(m => m.Name);

    /// <summary>(statutory − promised) / statutory; 0 for a zero statutory limit.</summary>
    public decimal Compression => StatutoryDays == 0 ? 0 : (decimal)(StatutoryDays - PromisedDays) / StatutoryDays;

    public const string DefaultFee = "不收费";
    public const string ImmediateProcess = "immediate";
    public const string StandardProcess = "standard";

    /// <summary>Immediate items use the immediate process; all others the standard one (the case may choose tolerance or commitment later).</summary>
    public static string DefaultProcess(bool immediate) => immediate ? ImmediateProcess : StandardProcess;
}

public sealed record Department(string Code, string Name, string FullName);
