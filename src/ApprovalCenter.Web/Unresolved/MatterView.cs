using ApprovalCenter.Unresolved;

namespace ApprovalCenter.Web.Unresolved;

/// <summary>What the shared matter partial shows (staff and applicant pages alike).</summary>
public sealed record MatterView(UnresolvedQueries.Detail Detail, DateOnly Today);
