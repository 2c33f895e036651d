using System.Text.RegularExpressions;

namespace ApprovalCenter.Identity;

/// <summary>A problem with a staff account's details, naming the field.</summary>
public sealed record StaffError(string Field, string Reason);

/// <summary>
/// What a staff account must be: an account name of letters, digits and . _ -, a name, only staff roles
/// (a person may hold several), and a department exactly when a role is department-scoped (审查员, 首席代表 act
/// only in their own department; the window, supervisors, the head and administrators work bureau-wide).
/// </summary>
public static partial class StaffRules
{
    public static readonly IReadOnlySet<string> DepartmentScoped = new HashSet<string> { Roles.Reviewer, Roles.ChiefRepresentative };

    public static List<StaffError> Check(string? userName, string? displayName, string? email, IReadOnlyCollection<string> roles, string? department)
    {
        var errors = new List<StaffError>();
        if (string.IsNullOrWhiteSpace(userName) || !AccountName().IsMatch(userName))
            errors.Add(new("UserName", "账号须为 3–40 位字母、数字或 . _ -，以字母开头"));
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 50)
            errors.Add(new("DisplayName", "请填写姓名（不超过 50 个字）"));
        if (!string.IsNullOrWhiteSpace(email) && !Email().IsMatch(email.Trim()))
            errors.Add(new("Email", $"“{email}”不是有效的电子邮箱"));
        if (roles.Count == 0) errors.Add(new("Roles", "请至少选择一个角色"));
        foreach (var r in roles.Where(r => !Roles.Staff.Contains(r))) errors.Add(new("Roles", $"“{r}”不是工作人员角色"));
        var scoped = roles.Any(DepartmentScoped.Contains);
        if (scoped && !Departments.IsKnown(department)) errors.Add(new("Department", "审查员、首席代表须选择所属部门"));
        if (!scoped && !string.IsNullOrWhiteSpace(department)) errors.Add(new("Department", "只有审查员、首席代表属于某一部门；其他角色在全局办理，请不要选择部门"));
        return errors;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9._-]{2,39}$")]
    private static partial Regex AccountName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();
}
