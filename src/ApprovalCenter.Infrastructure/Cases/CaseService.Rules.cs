using ApprovalCenter.Clock;
using ApprovalCenter.Catalog;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>The process container for an item handled in a mode (rules.md §2).</summary>
    public static string ProcessFor(CatalogItem item, CaseMode mode) => mode switch
    {
        CaseMode.Normal => item.Process,
        CaseMode.Tolerance when item.Modes.Tolerance => "tolerance",
        CaseMode.Commitment when item.Modes.Commitment && !item.HighRisk => "commitment",
        CaseMode.Joint when item.Modes.JointReview => "joint-review",
        CaseMode.Tolerance => throw CaseException.Invalid($"事项“{item.Name}”不适用容缺受理。", "mode"),
        CaseMode.Commitment => throw CaseException.Invalid($"事项“{item.Name}”不适用告知承诺制（涉及高风险事项或未列入告知承诺清单）。", "mode"),
        _ => throw CaseException.Invalid($"事项“{item.Name}”不适用并联审批。", "mode"),
    };

    /// <summary>An applicant with a credit record (e.g. a false commitment) may not use the
    /// tolerance or commitment modes (rules.md §2a, §2b).</summary>
    public async Task CheckModeEligibleAsync(CatalogItem item, CaseMode mode, string applicantId, CancellationToken ct)
    {
        if (mode is not (CaseMode.Tolerance or CaseMode.Commitment)) return;
        if (await IsBlockedFromSpecialModesAsync(applicantId, ct))
            throw CaseException.Forbidden("您有失信记录（虚假承诺等），暂不能选择容缺受理或告知承诺方式，请按一般程序申请。");
    }

    public Task<bool> IsBlockedFromSpecialModesAsync(string applicantId, CancellationToken ct = default) =>
        db.Set<CreditRecord>().AnyAsync(c => c.ApplicantId == applicantId && c.BlocksSpecialModes, ct);
}
