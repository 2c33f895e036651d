using ApprovalCenter.Identity;
using ApprovalCenter.Notifications;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Administration;

/// <summary>Who did it, for the administration journal.</summary>
public sealed record AdminActor(string UserId, string UserName, string? Ip);

/// <summary>A staff account as the administration screen lists it.</summary>
public sealed record StaffAccount(AppUser User, IReadOnlyList<string> Roles, bool Disabled, bool TwoFactor);

/// <summary>
/// Onboarding and offboarding staff: an account is created without a password and its holder sets one through a
/// one-time link (sent by mail when the account has an address, and shown once to the administrator to hand over);
/// roles and department change, an account is disabled (its sessions end at once: the security stamp is checked on
/// every request) or enabled again, and two-step sign-in is reset. Every change is journaled in <c>admin_journal</c>.
/// </summary>
public sealed class StaffAdministration(UserManager<AppUser> users, AppDbContext db, Notifier notifier)
{
    public const string SetPasswordPath = "/Account/SetPassword";

    public async Task<List<StaffAccount>> ListAsync(CancellationToken ct = default)
    {
        var staff = await db.Users.AsNoTracking().Where(u => u.Kind == ApplicantKind.Staff).OrderBy(u => u.Department).ThenBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        return staff.Select(u => new StaffAccount(u, roleNames.Where(x => x.UserId == u.Id).Select(x => x.Name!).OrderBy(Roles.Staff.ToList().IndexOf).ToList(),
            u.LockoutEnd is { } end && end > now.AddYears(50), u.TwoFactorEnabled)).ToList();
    }

    /// <summary>Creates the account and returns the one-time link to set its password (valid until used or the account's security stamp changes).</summary>
    public async Task<(AppUser? User, string? Link, List<StaffError> Errors)> CreateAsync(string userName, string displayName, string? email, IReadOnlyCollection<string> roles, string? department, AdminActor by, CancellationToken ct = default)
    {
        var errors = StaffRules.Check(userName, displayName, email, roles, department);
        if (errors.Count == 0 && await users.FindByNameAsync(userName.Trim()) is not null) errors.Add(new("UserName", $"账号“{userName}”已存在"));
        if (errors.Count > 0) return (null, null, errors);
        var user = new AppUser
        {
            UserName = userName.Trim(), DisplayName = displayName.Trim(), Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim(),
            EmailConfirmed = !string.IsNullOrWhiteSpace(email), Kind = ApplicantKind.Staff,
            Department = roles.Any(StaffRules.DepartmentScoped.Contains) ? department : null, LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return (null, null, created.Errors.Select(e => new StaffError("UserName", e.Description)).ToList());
        await users.AddToRolesAsync(user, roles);
        var link = await SetPasswordLinkAsync(user);
        await notifier.NotifyAsync(user.Id, "请设置您的登录密码", $"系统管理员为您开通了工作人员账号“{user.UserName}”。请通过下面的链接设置登录密码（链接只能使用一次）。", link, ct: ct);
        Journal(by, "staff:create", user, $"开通工作人员账号 {user.UserName}（{user.DisplayName}）：{string.Join("、", roles.Select(Labels))}{(user.Department is null ? "" : "，" + user.Department)}");
        await db.SaveChangesAsync(ct);
        return (user, link, []);
    }

    public async Task<List<StaffError>> UpdateAsync(string userId, IReadOnlyCollection<string> roles, string? department, AdminActor by, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != ApplicantKind.Staff) return [new("UserId", "没有这个工作人员账号")];
        var errors = StaffRules.Check(user.UserName, user.DisplayName, user.Email, roles, department);
        if (errors.Count > 0) return errors;
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current.Except(roles));
        await users.AddToRolesAsync(user, roles.Except(current));
        user.Department = roles.Any(StaffRules.DepartmentScoped.Contains) ? department : null;
        await users.UpdateAsync(user);
        // New roles or a new department take effect at once: the old cookie carries the old claims.
        await users.UpdateSecurityStampAsync(user);
        Journal(by, "staff:roles", user, $"{user.UserName} 的角色改为 {string.Join("、", roles.Select(Labels))}{(user.Department is null ? "" : "，" + user.Department)}（原为 {string.Join("、", current.Select(Labels))}）");
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<List<StaffError>> SetDisabledAsync(string userId, bool disabled, string? reason, AdminActor by, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != ApplicantKind.Staff) return [new("UserId", "没有这个工作人员账号")];
        if (user.Id == by.UserId) return [new("UserId", "不能停用自己的账号")];
        if (disabled && string.IsNullOrWhiteSpace(reason)) return [new("Reason", "停用账号须写明原因")];
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);   // ends every session of the account on its next request
        Journal(by, disabled ? "staff:disable" : "staff:enable", user, $"{(disabled ? "停用" : "启用")}工作人员账号 {user.UserName}", reason);
        await db.SaveChangesAsync(ct);
        return [];
    }

    public async Task<List<StaffError>> ResetTwoFactorAsync(string userId, string? reason, AdminActor by, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != ApplicantKind.Staff) return [new("UserId", "没有这个工作人员账号")];
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.UpdateSecurityStampAsync(user);
        Journal(by, "staff:reset-2fa", user, $"重置 {user.UserName} 的两步验证（须重新绑定验证器）", reason);
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>A fresh one-time link for an account that lost the first one.</summary>
    public async Task<string?> ReissueLinkAsync(string userId, AdminActor by, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || user.Kind != ApplicantKind.Staff) return null;
        var link = await SetPasswordLinkAsync(user);
        Journal(by, "staff:password-link", user, $"为 {user.UserName} 重新生成设置密码链接");
        await db.SaveChangesAsync(ct);
        return link;
    }

    private async Task<string> SetPasswordLinkAsync(AppUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return $"{SetPasswordPath}?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
    }

    private void Journal(AdminActor by, string action, AppUser subject, string summary, string? reason = null) =>
        db.Add(new AdminJournalEntry
        {
            At = DateTimeOffset.UtcNow, Actor = by.UserId, ActorName = by.UserName, Ip = by.Ip, Action = action,
            Subject = "user:" + subject.UserName, Summary = summary, Reason = reason,
        });

    private static string Labels(string role) => ApprovalCenter.Cases.Actions.Labels.Role(role);
}
