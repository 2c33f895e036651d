namespace ApprovalCenter.Cases;

/// <summary>How the applicant chose to have the item handled (rules.md §2).</summary>
public enum CaseMode { Normal = 0, Tolerance = 1, Commitment = 2, Joint = 3 }
