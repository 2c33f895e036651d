namespace ApprovalCenter.Cases.Actions;

/// <summary>
/// Facts the server computes for an action and the client can never send: sending one is refused
/// like any other undeclared key, and leaving one out changes nothing because the server fills it
/// in from the database (credit records, stored uploads, the catalog, the calendar).
/// </summary>
public static class CaseFacts
{
    /// <summary>The applicant has a credit record that blocks the special modes (rules.md §2a, §2b).</summary>
    public const string BadCredit = "badCredit";
    /// <summary>The applicant made a false commitment before (rules.md §2b).</summary>
    public const string FalseCommitmentRecord = "falseCommitmentRecord";
    /// <summary>Every core material of the item has a stored upload on the case.</summary>
    public const string CoreMaterialsComplete = "coreMaterialsComplete";
    /// <summary>The item is high-risk (no commitment-based approval).</summary>
    public const string HighRisk = "highRisk";
    /// <summary>The tolerable materials without a stored upload, with the deadline to supply them.</summary>
    public const string MissingMaterials = "missingMaterials";
    /// <summary>The tolerance supplement deadline: the promised limit counted from today.</summary>
    public const string SupplementDeadline = "supplementDeadline";
    /// <summary>The requested materials the applicant attached (checked against the stored uploads).</summary>
    public const string SupplementedMaterials = "supplementedMaterials";
    /// <summary>The version of the commitment letter the applicant signs.</summary>
    public const string CommitmentLetterVersion = "commitmentLetterVersion";
    /// <summary>The applicant already signed the current commitment letter when applying (no second signature).</summary>
    public const string CommitmentLetterSigned = "commitmentLetterSigned";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        BadCredit, FalseCommitmentRecord, CoreMaterialsComplete, HighRisk, MissingMaterials, SupplementDeadline,
        SupplementedMaterials, CommitmentLetterVersion, CommitmentLetterSigned,
    };
}
