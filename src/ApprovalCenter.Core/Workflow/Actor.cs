using ApprovalCenter.Identity;

namespace ApprovalCenter.Workflow;

/// <summary>Who fires a transition. Timers and events fire as <see cref="System"/>.</summary>
public sealed record Actor(string UserId, string Role, string? Department = null)
{
    public const string SystemRole = "System";
    public static readonly Actor System = new("system", SystemRole);

    /// <summary>Roles whose authority is limited to their own department (首席代表、审查员).</summary>
    public static bool IsDepartmentScoped(string role) => role is Roles.Reviewer or Roles.ChiefRepresentative;
}
