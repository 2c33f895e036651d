using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;
using R = ApprovalCenter.Documents.SignatureReasons;

namespace ApprovalCenter.Documents;

/// <summary>
/// Checks the last signature of a PDF without trusting the PDF's own structure: the /ByteRange
/// must start at 0, end at the end of the file and leave out exactly the hex string that the
/// /Contents key holds, and the detached CMS signature in that hole must verify over the two
/// ranges. Any changed byte, or anything appended after signing, makes it invalid.
/// The signer certificate must be byte-identical to one of the bureau's seal certificates
/// (<see cref="BureauSealCertificates"/>) and the signing time must lie in that certificate's
/// period: a self-signed look-alike with the bureau's name is refused. Chain trust is not checked
/// because pinning the exact certificates is stricter, and the development seal is self-signed.
/// Hostile input never throws: whatever cannot be read is "无法解析".
/// </summary>
public sealed partial class PdfSignatureVerifier(BureauSealCertificates seals)
{
    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();

    public SignatureVerification Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRangePattern().Matches(text);
        if (matches.Count == 0) return Fail(SignatureStatus.Unsigned, R.NoSignature);
        var m = matches[^1];
        // Digits only, but possibly more than a long holds: such a range is simply invalid.
        if (!long.TryParse(m.Groups[1].Value, out var a) || !long.TryParse(m.Groups[2].Value, out var b)
            || !long.TryParse(m.Groups[3].Value, out var c) || !long.TryParse(m.Groups[4].Value, out var d))
            return Fail(SignatureStatus.Unparseable, R.BadByteRange);

        if (a != 0 || b <= 0 || c <= b + 1 || d < 0 || d > pdf.Length || c > pdf.Length - d)
            return Fail(SignatureStatus.Unparseable, R.BadByteRange);
        if (c + d != pdf.Length)
            return Fail(SignatureStatus.Modified, R.Appended);
        if (pdf[b] != (byte)'<' || pdf[c - 1] != (byte)'>' || !PrecededByContentsKey(text, (int)b))
            return Fail(SignatureStatus.Unparseable, R.HoleNotSignature);

        var signed = new byte[b + d];
        Array.Copy(pdf, 0, signed, 0, b);
        Array.Copy(pdf, c, signed, b, d);
        try
        {
            return VerifyCms(text.AsSpan((int)b + 1, (int)(c - b - 2)), signed, SigningTime(text, (int)b));
        }
        catch (Exception e) when (e is CryptographicException or AsnContentException or FormatException or ArgumentException or OverflowException)
        {
            // Corrupted DER surfaces from many places (decoding, lazily parsed certificates and
            // attributes); each is the same answer for the reader: the seal cannot be read.
            return Fail(SignatureStatus.Unparseable, R.NotCms);
        }
    }

    private SignatureVerification VerifyCms(ReadOnlySpan<char> hex, byte[] signed, DateTimeOffset? time)
    {
        var raw = Convert.FromHexString(hex.Trim());
        // The placeholder is padded with zeros; hand SignedCms exactly one DER value.
        AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var consumed);
        if (raw.AsSpan(consumed).ContainsAnyExcept((byte)0)) return Fail(SignatureStatus.Unparseable, R.TrailingData);

        var cms = new SignedCms(new ContentInfo(signed), detached: true);
        cms.Decode(raw.AsSpan(0, consumed));
        if (cms.SignerInfos.Count != 1) return Fail(SignatureStatus.Unparseable, R.SignerCount);
        var signer = cms.SignerInfos[0];

        X509Certificate2? certificate;
        try
        {
            certificate = signer.Certificate;
        }
        catch (CryptographicException)
        {
            return Fail(SignatureStatus.Unparseable, R.BadCertificate);
        }
        if (certificate is null) return Fail(SignatureStatus.NotBureauSeal, R.NoCertificate);

        var subject = certificate.Subject;
        var thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        time = SignedSigningTime(signer) ?? time;
        SignatureVerification Result(SignatureStatus status, string reason) => new(status, reason, subject, time, thumbprint);

        // Pinning first: whether a stranger's signature is intact says nothing about the bureau.
        var seal = seals.Find(certificate);
        if (seal is null) return Result(SignatureStatus.NotBureauSeal, R.NotBureauSeal);
        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return Result(SignatureStatus.Modified, R.Modified);
        }
        if (time is not { } at) return Result(SignatureStatus.NotBureauSeal, R.NoSigningTime);
        if (!seal.Covers(at)) return Result(SignatureStatus.NotBureauSeal, R.OutsidePeriod);
        return Result(SignatureStatus.Valid, R.Valid);
    }

    /// <summary>The signing-time among the signed attributes (our <see cref="SealCmsSigner"/> puts
    /// it there). A signing-time among the unsigned attributes is ignored: the signature does not
    /// cover it, so anyone could change it.</summary>
    private static DateTimeOffset? SignedSigningTime(SignerInfo signer)
    {
        foreach (var attribute in signer.SignedAttributes)
        {
            if (attribute.Oid.Value != SigningTimeOid) continue;
            foreach (var value in attribute.Values)
            {
                var time = (value as Pkcs9SigningTime ?? new Pkcs9SigningTime(value.RawData)).SigningTime;
                return new DateTimeOffset(time.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(time, DateTimeKind.Utc) : time.ToUniversalTime());
            }
        }
        return null;
    }

    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    /// <summary>The /M date of the signature dictionary: the signing time of documents sealed
    /// before the signing time moved into the signed attributes (PDFsharp's default signer kept it
    /// unsigned). /M lies inside the signed byte range, so it cannot be changed without breaking
    /// the signature either.</summary>
    private static DateTimeOffset? SigningTime(string text, int holeStart)
    {
        var dictStart = text.LastIndexOf("obj", holeStart, StringComparison.Ordinal);
        if (dictStart < 0) return null;
        var m = SigningDatePattern().Match(text, dictStart, holeStart - dictStart);
        if (!m.Success) return null;
        int G(int i) => int.Parse(m.Groups[i].Value);
        try
        {
            var offset = m.Groups[8].Success
                ? TimeSpan.FromHours(G(8)) + TimeSpan.FromMinutes(m.Groups[9].Success ? G(9) : 0)
                : TimeSpan.Zero;
            if (m.Groups[7].Value == "-") offset = -offset;
            return new DateTimeOffset(G(1), G(2), G(3), G(4), G(5), G(6), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;   // month 13, offset +25:00: no usable signing time
        }
    }

    [GeneratedRegex(@"/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:([+\-Z])(\d{2})?'?(\d{2})?'?)?\)")]
    private static partial Regex SigningDatePattern();

    private static SignatureVerification Fail(SignatureStatus status, string reason) => new(status, reason);

    private static bool PrecededByContentsKey(string text, int holeStart)
    {
        var i = holeStart - 1;
        while (i >= 0 && char.IsWhiteSpace(text[i])) i--;
        return i >= 8 && string.CompareOrdinal(text, i - 8, "/Contents", 0, 9) == 0;
    }
}
