namespace ApprovalCenter.Cases;

/// <summary>A declaration or commitment text the applicant signs, with the version id stored on
/// the draft and the case so that what was signed can be shown later word for word.</summary>
public sealed record SignedText(string Version, string Title, IReadOnlyList<string> Paragraphs);

/// <summary>The texts the applicant signs before submitting: a truthfulness declaration for the
/// ordinary procedure, the tolerance commitment letter (rules.md §2a) and the commitment letter of
/// 告知承诺制 (rules.md §2b: conditions, the proof no longer asked for, liability).</summary>
public static class SignedTexts
{
    public static readonly SignedText Declaration = new("declaration-v1", "申请人声明",
    [
        "本申请人郑重声明：所填写的申请信息和提交的申请材料真实、准确、完整，复印件与原件一致，不存在隐瞒有关情况或者提供虚假材料的情形。",
        "本申请人知悉：隐瞒有关情况或者提供虚假材料申请行政许可的，行政机关不予受理或者不予行政许可，并给予警告；行政许可申请属于直接关系公共安全、人身健康、生命财产安全事项的，申请人在一年内不得再次申请该行政许可（《中华人民共和国行政许可法》第七十八条）。",
        "本申请人同意通过本系统接收受理、补正、决定等文书和通知。",
    ]);

    public static readonly SignedText ToleranceLetter = new("tolerance-letter-v1", "容缺受理承诺书",
    [
        "本申请人申请以容缺受理方式办理本事项。本申请人已提交全部核心材料，确认“申请材料”中未上传的可容缺材料即为容缺材料。",
        "本申请人承诺：在审批局出具的《容缺受理通知书》载明的期限内补齐全部容缺材料，补交材料与承诺内容一致、真实有效。",
        "本申请人知悉：容缺材料补齐并经核验前，审批局不发放审批结果；逾期未补齐的，终止办理并退回申请，由此产生的后果由本申请人承担。",
        "有失信记录或虚假承诺记录的申请人不适用容缺受理。",
    ]);

    public static readonly SignedText CommitmentLetter = new("commitment-letter-v1", "告知承诺书",
    [
        "审批机关告知：本事项实行告知承诺制（国办发〔2020〕42号、国发〔2021〕7号）。申请人自愿选择本方式，并承诺已经符合本事项的全部许可条件（见本事项办事指南所列的条件与标准）。",
        "对申请人以承诺方式替代的证明材料（即“申请材料”中未上传的非核心材料），审批机关不再索要，改为在作出决定后依法核查。",
        "申请人知悉：审批机关将在决定作出后的规定期限内对承诺内容进行核查；经核查承诺不实的，审批机关依法撤销行政许可决定，记入申请人信用记录，申请人今后不得适用告知承诺和容缺受理方式，并依法承担由此产生的法律责任。",
        "本申请人保证所作承诺真实，愿意承担虚假承诺的法律责任。",
    ]);

    public static SignedText For(CaseMode mode) => mode switch
    {
        CaseMode.Tolerance => ToleranceLetter,
        CaseMode.Commitment => CommitmentLetter,
        _ => Declaration,
    };
}
