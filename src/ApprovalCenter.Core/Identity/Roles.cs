namespace ApprovalCenter.Identity;

/// <summary>The roles of the system. Staff roles are further scoped by the department claim.</summary>
public static class Roles
{
    public const string Applicant = "Applicant";
    public const string Clerk = "Clerk";                       // 窗口人员
    public const string Reviewer = "Reviewer";                 // 审查员 (department-scoped)
    public const string ChiefRepresentative = "ChiefRepresentative"; // 首席代表 (department-scoped)
    public const string Supervisor = "Supervisor";             // 督查
    public const string Administrator = "Administrator";
    public const string BureauHead = "BureauHead";             // 局长: approves extensions (ALL Art. 42)

    public static readonly IReadOnlyList<string> All = [Applicant, Clerk, Reviewer, ChiefRepresentative, Supervisor, Administrator, BureauHead];
    public static readonly IReadOnlyList<string> Staff = [Clerk, Reviewer, ChiefRepresentative, Supervisor, Administrator, BureauHead];

    /// <summary>The claim type carrying a staff member's department.</summary>
    public const string DepartmentClaim = "approvalcenter:department";
}
