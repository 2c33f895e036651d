using Microsoft.AspNetCore.Identity;

namespace ApprovalCenter.Identity;

public enum ApplicantKind { Staff = 0, Enterprise = 1, Individual = 2 }

/// <summary>A person who signs in: an applicant (enterprise or individual) or a member of staff.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public ApplicantKind Kind { get; set; }
    /// <summary>统一社会信用代码, for enterprises.</summary>
    public string? CreditCode { get; set; }
    /// <summary>公民身份号码, for individuals and for an enterprise's contact person.</summary>
    public string? IdNumber { get; set; }
    /// <summary>For staff: one of <see cref="Departments.All"/>; null for applicants and bureau-wide staff.</summary>
    public string? Department { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
}
