using static ApprovalCenter.Documents.ChineseDate;

namespace ApprovalCenter.Documents;

/// <summary>The hearing notices' facts: the matter, and the dates the clock computed or checked.</summary>
public sealed record HearingRightInput(string Matter, DateOnly RequestBy);
public sealed record HearingNoticeInput(DateOnly HearingOn, string Place, string Officer, string Matter);

public static partial class DocumentTemplates
{
    /// <summary>ALL Art. 47: the applicant is told in writing of the right to a hearing and its 5-day period.</summary>
    public static DocumentContent HearingRight(DocumentHeader h, HearingRightInput input)
    {
        Required(input.Matter, "听证事项");
        return Base(h, DocumentKind.HearingRightNotice) with
        {
            Fields = [.. CommonFields(h), new("听证事项", input.Matter), new("申请听证期限", $"{Numeric(input.RequestBy)}前")],
            Paragraphs =
            [
                $"你（单位）申请的“{h.Item.Name}”，涉及{input.Matter}。根据《中华人民共和国行政许可法》第四十七条的规定，你（单位）享有要求听证的权利。",
                $"如要求听证，请于{Numeric(input.RequestBy)}前（被告知之日起五日内）通过网上办事平台或综合受理窗口提出；逾期未提出的，视为放弃听证。申请人不承担组织听证的费用。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第四十七条"],
        };
    }

    /// <summary>ALL Art. 48: the time and place of the hearing, notified at least 7 days before; its time
    /// does not count towards the limits (Art. 45).</summary>
    public static DocumentContent Hearing(DocumentHeader h, HearingNoticeInput input)
    {
        Required(input.Place, "听证地点");
        Required(input.Officer, "听证主持人");
        return Base(h, DocumentKind.HearingNotice) with
        {
            Fields = [.. CommonFields(h), new("听证时间", Numeric(input.HearingOn)), new("听证地点", input.Place), new("听证主持人", input.Officer)],
            Paragraphs =
            [
                $"根据你（单位）的听证申请，本局定于{Numeric(input.HearingOn)}在{input.Place}就“{h.Item.Name}”（{input.Matter}）举行听证，由{input.Officer}主持。",
                "听证公开举行，你（单位）可以提出证据并进行申辩和质证；认为主持人与该行政许可事项有直接利害关系的，有权申请回避。",
                "根据《中华人民共和国行政许可法》第四十五条的规定，听证所需时间不计入审批期限。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第四十五条、第四十八条"],
        };
    }
}
