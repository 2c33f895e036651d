using ApprovalCenter.Identity;

namespace ApprovalCenter.Unresolved;

/// <summary>What the person says at intake. Raw strings as typed; <see cref="Validate"/> is the one
/// place that decides what is acceptable, for the window form, the online form and the API.</summary>
public sealed record MatterIntake(
    string? PersonName,
    string? Phone,
    string? Email,
    string? WhatTried,
    string? WhereFailed,
    string? FailedOn,
    IReadOnlyList<string>? Departments,
    string? Exclusion,
    string? ExclusionNote)
{
    public const int MaxText = 2000;

    /// <summary>The validated intake, or the fields at fault with Chinese messages. <paramref name="today"/> is
    /// the business day: a failure cannot have happened in the future.</summary>
    public (ValidIntake? Intake, List<FieldError> Errors) Validate(DateOnly today)
    {
        var errors = new List<FieldError>();
        var name = Required(PersonName, "personName", "反映人姓名", 50, errors);
        var phone = (Phone ?? "").Trim();
        if (phone.Length == 0) errors.Add(new("phone", "请填写联系电话。"));
        else if (phone.Length is < 5 or > 20 || phone.Any(c => !(char.IsAsciiDigit(c) || c is '-' or '+' or ' ')))
            errors.Add(new("phone", "联系电话只能包含数字、“-”和“+”，5 至 20 位。"));
        var email = string.IsNullOrWhiteSpace(Email) ? null : Email.Trim();
        if (email is not null && (email.Length > 200 || !email.Contains('@') || email.StartsWith('@') || email.EndsWith('@')))
            errors.Add(new("email", "电子邮箱格式不正确。"));
        var what = Required(WhatTried, "whatTried", "想办理的事项及经过", MaxText, errors);
        var where = Required(WhereFailed, "whereFailed", "在哪里没办成", 200, errors);
        DateOnly failedOn = default;
        if (string.IsNullOrWhiteSpace(FailedOn)) errors.Add(new("failedOn", "请填写没办成的日期。"));
        else if (!DateOnly.TryParseExact(FailedOn.Trim(), "yyyy-MM-dd", out failedOn)) errors.Add(new("failedOn", "没办成的日期格式应为 yyyy-MM-dd。"));
        else if (failedOn > today) errors.Add(new("failedOn", "没办成的日期不能晚于今天。"));
        var departments = (Departments ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim()).Distinct().ToList();
        foreach (var d in departments.Where(d => !Identity.Departments.IsKnown(d)))
            errors.Add(new("departments", $"涉及部门“{d}”不存在，可选：{string.Join("、", Identity.Departments.All)}。"));
        var exclusion = ExclusionChannel.None;
        if (!string.IsNullOrWhiteSpace(Exclusion) && (!Enum.TryParse(Exclusion.Trim(), true, out exclusion) || !Enum.IsDefined(exclusion) || int.TryParse(Exclusion, out _)))
            errors.Add(new("exclusion", $"“是否已进入其他渠道”的值“{Exclusion}”无效，可选：{string.Join("、", Enum.GetNames<ExclusionChannel>())}。"));
        var note = string.IsNullOrWhiteSpace(ExclusionNote) ? null : ExclusionNote.Trim();
        if (exclusion != ExclusionChannel.None && note is null) errors.Add(new("exclusionNote", "已进入其他渠道的，请填写转出说明（案号、受理机关等）。"));
        if (note is { Length: > 500 }) errors.Add(new("exclusionNote", "转出说明不能超过 500 字。"));
        if (errors.Count > 0) return (null, errors);
        return (new ValidIntake(name!, phone, email, what!, where!, failedOn, departments, exclusion, note), errors);
    }

    private static string? Required(string? value, string field, string label, int max, List<FieldError> errors)
    {
        var v = value?.Trim();
        if (string.IsNullOrEmpty(v)) { errors.Add(new(field, $"请填写{label}。")); return null; }
        if (v.Length > max) { errors.Add(new(field, $"{label}不能超过 {max} 字。")); return null; }
        return v;
    }
}

public sealed record ValidIntake(string PersonName, string Phone, string? Email, string WhatTried, string WhereFailed,
    DateOnly FailedOn, IReadOnlyList<string> Departments, ExclusionChannel Exclusion, string? ExclusionNote)
{
    public bool Excluded => Exclusion != ExclusionChannel.None;
}
