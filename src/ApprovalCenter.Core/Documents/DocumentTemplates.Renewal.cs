using static ApprovalCenter.Documents.ChineseDate;

namespace ApprovalCenter.Documents;

/// <summary>The licence a renewal concerns and its term before and after (all from the bureau's register).</summary>
public sealed record DeemedRenewalInput(string LicenceNumber, DateOnly AppliedOn, DateOnly ExpiredOn, DateOnly RenewedFrom, DateOnly RenewedUntil);

public static partial class DocumentTemplates
{
    /// <summary>ALL Art. 50(2): the bureau did not decide a timely renewal before the licence expired,
    /// so the law deems it renewed. The applicant needs this in writing to go on using the licence.</summary>
    public static DocumentContent DeemedRenewal(DocumentHeader h, DeemedRenewalInput input)
    {
        Required(input.LicenceNumber, "许可证编号");
        if (input.RenewedUntil < input.RenewedFrom || input.RenewedFrom <= input.ExpiredOn)
            throw new ArgumentException("延续后的有效期应始于原有效期届满之后。", nameof(input));
        return Base(h, DocumentKind.DeemedRenewalNotice) with
        {
            Fields = [.. CommonFields(h), new("许可证编号", input.LicenceNumber), new("原有效期至", Numeric(input.ExpiredOn)),
                      new("延续后有效期", $"{Numeric(input.RenewedFrom)}至{Numeric(input.RenewedUntil)}")],
            Paragraphs =
            [
                $"你（单位）于{Numeric(input.AppliedOn)}申请延续“{h.Item.Name}”（许可证编号：{input.LicenceNumber}），该许可有效期至{Numeric(input.ExpiredOn)}届满。",
                $"本局在该行政许可有效期届满前未作出是否准予延续的决定。根据《中华人民共和国行政许可法》第五十条第二款的规定，视为准予延续，延续后的有效期自{Numeric(input.RenewedFrom)}至{Numeric(input.RenewedUntil)}。",
            ],
            LegalBasis = ["《中华人民共和国行政许可法》第五十条"],
        };
    }
}
