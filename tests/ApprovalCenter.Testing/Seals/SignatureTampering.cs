using System.Formats.Asn1;
using System.Text;
using System.Text.RegularExpressions;

namespace ApprovalCenter.Testing.Seals;

/// <summary>The parts of a PDF signature a tamper test aims at.</summary>
public enum SignatureTarget
{
    /// <summary>A letter of a name in the signer certificate's subject.</summary>
    CertificateSubject,
    /// <summary>A year digit of the certificate's notAfter.</summary>
    CertificateValidity,
    /// <summary>A byte in the middle of the certificate's public key (inside the RSA modulus).</summary>
    CertificatePublicKey,
    /// <summary>A byte of the issuer's signature over the certificate.</summary>
    CertificateSignature,
    /// <summary>A digit of the signing time inside the signed attributes (the time the seal's
    /// period is checked against, so the tempting one to back-date).</summary>
    SignedAttributes,
    /// <summary>A byte of the signer's signature value.</summary>
    SignatureValue,
    /// <summary>The certificate's outer SEQUENCE tag made a SET: the certificate no longer parses.</summary>
    CertificateEncoding,
}

/// <summary>
/// Changes exactly one byte of a chosen part of a signed PDF. The CMS blob in the /Contents hole is
/// walked as DER (ContentInfo → SignedData → certificates / signerInfos), so each target is hit
/// wherever the random key and certificate put it, on every run; a fixed offset into the hex
/// lands in a different structure from one certificate to the next. Shared by the
/// Infrastructure tests (linked source, no dependencies beyond the BCL) and the web tests.
/// </summary>
public static class SignatureTampering
{
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private const string SigningTimeOid = "1.2.840.113549.1.9.5";

    /// <summary>A copy of <paramref name="pdf"/> with one byte of <paramref name="target"/> changed.
    /// The DER stays well-formed (same lengths), so the change reaches the check it is meant for.</summary>
    public static byte[] Tamper(byte[] pdf, SignatureTarget target)
    {
        var (hexStart, der) = Signature(pdf);
        var (index, value) = Change(der, target);
        var copy = (byte[])pdf.Clone();
        var lower = char.IsLower((char)copy[hexStart + 2 * index]) || char.IsLower((char)copy[hexStart + 2 * index + 1]);
        var hex = lower ? Convert.ToHexStringLower([value]) : Convert.ToHexString([value]);
        copy[hexStart + 2 * index] = (byte)hex[0];
        copy[hexStart + 2 * index + 1] = (byte)hex[1];
        return copy;
    }

    /// <summary>A copy with one byte of the signed content changed: the middle of the first range.</summary>
    public static byte[] ChangeSignedContent(byte[] pdf)
    {
        var (_, b, _) = ByteRange(pdf);
        var copy = (byte[])pdf.Clone();
        copy[b / 2] ^= 0x01;
        return copy;
    }

    /// <summary>The DER value in the hole (padding cut off) and where its hex digits start in the file.</summary>
    public static (int HexStart, byte[] Der) Signature(byte[] pdf)
    {
        var (_, b, c) = ByteRange(pdf);
        var raw = Convert.FromHexString(Encoding.Latin1.GetString(pdf, b + 1, c - b - 2));
        var der = At(raw, 0);
        return (b + 1, raw[..der.End]);
    }

    /// <summary>Offset in the DER and the new value of the byte that changes <paramref name="target"/>.</summary>
    public static (int Index, byte Value) Change(byte[] der, SignatureTarget target)
    {
        var signedData = Children(der, Children(der, At(der, 0))[1])[0];
        var parts = Children(der, signedData);
        var certificates = Children(der, parts.Single(p => p.Tag == Context0));
        if (certificates.Count != 1) throw new InvalidOperationException($"expected one certificate in the CMS, found {certificates.Count}");
        var certificate = Children(der, certificates[0]);
        var tbs = Children(der, certificate[0]);
        var v = tbs[0].Tag == Context0 ? 1 : 0;   // [0] version is optional
        var (validity, subject, publicKeyInfo) = (tbs[v + 3], tbs[v + 4], tbs[v + 5]);
        var signer = Children(der, Children(der, parts[^1])[0]);

        switch (target)
        {
            case SignatureTarget.CertificateSubject:
                var letter = NameLetters(der, subject).First();
                return (letter, NextLetter(der[letter]));
            case SignatureTarget.CertificateValidity:
                var notAfter = Children(der, validity)[1];
                // UTCTime YYMMDD…, GeneralizedTime YYYYMMDD…: the last digit of the year.
                var year = notAfter.ContentStart + (notAfter.Tag.TagValue == (int)UniversalTagNumber.UtcTime ? 1 : 3);
                return (year, der[year] == (byte)'9' ? (byte)'8' : (byte)(der[year] + 1));
            case SignatureTarget.CertificatePublicKey:
                return Middle(der, Children(der, publicKeyInfo)[1]);
            case SignatureTarget.CertificateSignature:
                return Middle(der, certificate[2]);
            case SignatureTarget.SignedAttributes:
                var attributes = Children(der, signer.Single(p => p.Tag == Context0));
                var signingTime = attributes.Single(a => Oid(der, Children(der, a)[0]) == SigningTimeOid);
                var time = Children(der, Children(der, signingTime)[1])[0];
                var digit = time.ContentStart + (time.Tag.TagValue == (int)UniversalTagNumber.UtcTime ? 1 : 3);
                return (digit, der[digit] == (byte)'0' ? (byte)'1' : (byte)(der[digit] - 1));   // another year
            case SignatureTarget.SignatureValue:
                return Middle(der, signer.First(p => p.Tag == Asn1Tag.PrimitiveOctetString));
            case SignatureTarget.CertificateEncoding:
                return (certificates[0].Start, 0x31);
            default:
                throw new ArgumentOutOfRangeException(nameof(target), target, null);
        }
    }

    private static (int Index, byte Value) Middle(byte[] der, Tlv tlv)
    {
        var i = tlv.ContentStart + tlv.ContentLength / 2;
        return (i, (byte)(der[i] ^ 0x01));
    }

    /// <summary>Offsets of ASCII letters inside the subject's attribute values (not the OIDs), so
    /// the changed name is still a valid PrintableString or UTF8String.</summary>
    private static IEnumerable<int> NameLetters(byte[] der, Tlv subject) =>
        from rdn in Children(der, subject)
        from atv in Children(der, rdn)
        let value = Children(der, atv)[1]
        from i in Enumerable.Range(value.ContentStart, value.ContentLength)
        where char.IsAsciiLetter((char)der[i])
        select i;

    private static byte NextLetter(byte b) => b switch { (byte)'z' => (byte)'a', (byte)'Z' => (byte)'A', _ => (byte)(b + 1) };

    private static string Oid(byte[] der, Tlv tlv) => AsnDecoder.ReadObjectIdentifier(der.AsSpan(tlv.Start, tlv.End - tlv.Start), AsnEncodingRules.DER, out _);

    private static (int A, int B, int C) ByteRange(byte[] pdf)
    {
        var m = Regex.Matches(Encoding.Latin1.GetString(pdf), @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)")[^1];
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), int.Parse(m.Groups[3].Value));
    }

    private readonly record struct Tlv(Asn1Tag Tag, int Start, int ContentStart, int ContentLength, int End);

    private static Tlv At(byte[] der, int start)
    {
        var span = der.AsSpan(start);
        var tag = Asn1Tag.Decode(span, out _);
        AsnDecoder.ReadEncodedValue(span, AsnEncodingRules.BER, out var contentOffset, out var contentLength, out var consumed);
        return new Tlv(tag, start, start + contentOffset, contentLength, start + consumed);
    }

    private static List<Tlv> Children(byte[] der, Tlv parent)
    {
        var children = new List<Tlv>();
        for (var p = parent.ContentStart; p < parent.ContentStart + parent.ContentLength;)
        {
            var child = At(der, p);
            children.Add(child);
            p = child.End;
        }
        return children;
    }
}
