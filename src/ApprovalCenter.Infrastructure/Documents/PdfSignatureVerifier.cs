using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;

namespace ApprovalCenter.Documents;

/// <summary>Outcome of checking a PDF's signature. Reason is a Chinese sentence for the
/// verification page.</summary>
public sealed record SignatureVerification(bool IsValid, string Reason, string? SignerSubject = null, DateTimeOffset? SigningTime = null, string? CertificateThumbprint = null);

/// <summary>
/// Checks the last signature of a PDF without trusting the PDF's own structure: the /ByteRange
/// must start at 0, end at the end of the file and leave out exactly the hex string that the
/// /Contents key holds, and the detached CMS signature in that hole must verify over the two
/// ranges. Any changed byte, or anything appended after signing, makes it invalid. Whether the
/// certificate is the bureau's is for the caller to decide (compare the thumbprint); chain trust
/// is not checked because the development certificate is self-signed.
/// </summary>
public sealed partial class PdfSignatureVerifier
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();

    public SignatureVerification Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRangePattern().Matches(text);
        if (matches.Count == 0) return Invalid("文件不含电子签章（未找到签名的 ByteRange）。");
        var m = matches[^1];
        long a = long.Parse(m.Groups[1].Value), b = long.Parse(m.Groups[2].Value),
             c = long.Parse(m.Groups[3].Value), d = long.Parse(m.Groups[4].Value);

        if (a != 0 || b <= 0 || c <= b || d < 0 || c + d > pdf.Length)
            return Invalid("签名范围（ByteRange）无效。");
        if (c + d != pdf.Length)
            return Invalid("文件在签章后被追加或截断，签名未覆盖整个文件。");
        if (pdf[b] != (byte)'<' || pdf[c - 1] != (byte)'>')
            return Invalid("签名范围之外的部分不是签名值。");
        if (!PrecededByContentsKey(text, (int)b))
            return Invalid("签名范围之外的部分不是签名字典的 /Contents。");

        byte[] der;
        try
        {
            var hex = text.AsSpan((int)b + 1, (int)(c - b - 2)).Trim();
            var raw = Convert.FromHexString(hex);
            // The placeholder is padded with zeros; hand SignedCms exactly one DER value.
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var consumed);
            der = raw[..consumed];
            if (raw.AsSpan(consumed).ContainsAnyExcept((byte)0)) return Invalid("签名值之后含有多余数据。");
        }
        catch (Exception e) when (e is FormatException or AsnContentException)
        {
            return Invalid("签名值不是有效的 PKCS#7 数据。");
        }

        var signed = new byte[b + d];
        Array.Copy(pdf, 0, signed, 0, b);
        Array.Copy(pdf, c, signed, b, d);
        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        try
        {
            cms.Decode(der);
        }
        catch (CryptographicException)
        {
            return Invalid("签名值不是有效的 PKCS#7 数据。");
        }
        if (cms.SignerInfos.Count == 0) return Invalid("签名中没有签名人信息。");
        var signer = cms.SignerInfos[0];
        var subject = signer.Certificate?.Subject;
        var time = SigningTime(text, (int)b);
        try
        {
            cms.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return new(false, "签名验证失败：文件内容在签章后被修改。", subject, time, signer.Certificate?.Thumbprint);
        }
        return new(true, "签名有效：文件自签章后未被修改。", subject, time, signer.Certificate?.Thumbprint);
    }

    /// <summary>The /M date of the signature dictionary. PDFsharp's signer puts the CMS
    /// signing-time in the unsigned attributes, which the signature does not cover; /M lies
    /// inside the signed byte range, so it cannot be changed without breaking the signature.</summary>
    private static DateTimeOffset? SigningTime(string text, int holeStart)
    {
        var dictStart = text.LastIndexOf("obj", holeStart, StringComparison.Ordinal);
        if (dictStart < 0) return null;
        var m = SigningDatePattern().Match(text, dictStart, holeStart - dictStart);
        if (!m.Success) return null;
        var offset = m.Groups[8].Success
            ? TimeSpan.FromHours(int.Parse(m.Groups[8].Value)) + TimeSpan.FromMinutes(m.Groups[9].Success ? int.Parse(m.Groups[9].Value) : 0)
            : TimeSpan.Zero;
        if (m.Groups[7].Value == "-") offset = -offset;
        int G(int i) => int.Parse(m.Groups[i].Value);
        return new DateTimeOffset(G(1), G(2), G(3), G(4), G(5), G(6), offset);
    }

    [GeneratedRegex(@"/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+\-Z])(\d{2})?'?(\d{2})?'?)?\)")]
    private static partial Regex SigningDatePattern();

    private static SignatureVerification Invalid(string reason) => new(false, reason);

    private static bool PrecededByContentsKey(string text, int holeStart)
    {
        var i = holeStart - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 8 && string.CompareOrdinal(text, i - 8, "/Contents", 0, 9) == 0;
    }
}
