using ApprovalCenter.Unresolved;

namespace ApprovalCenter.Web.Unresolved;

/// <summary>The intake form's fields as posted (window and online share it: _IntakeFields.cshtml).</summary>
public sealed class IntakeForm
{
    public string? PersonName { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? WhatTried { get; set; }
    public string? WhereFailed { get; set; }
    public string? FailedOn { get; set; }
    public List<string> Departments { get; set; } = [];
    public string? Exclusion { get; set; }
    public string? ExclusionNote { get; set; }

    public MatterIntake ToIntake() => new(PersonName, Phone, Email, WhatTried, WhereFailed, FailedOn, Departments, Exclusion, ExclusionNote);
}
