using System.Security.Cryptography;

namespace ApprovalCenter.Documents;

/// <summary>An issued, signed document and what must be stored about it (rules §5: hash, signer
/// and time) so that the verification page can answer from the database.</summary>
public sealed record SealedDocument(
    DocumentKind Kind,
    string DocumentNumber,
    byte[] Pdf,
    string Sha256Hex,
    string SignerSubject,
    DateTimeOffset SignedAt,
    string VerificationCode,
    string VerificationUrl);

/// <summary>Renders a document and signs it under the bureau's one seal in one call.</summary>
public sealed class SealedDocumentService(PdfDocumentRenderer renderer, DocumentSigner signer, SealCertificateProvider certificates, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public SealedDocument Seal(DocumentContent content)
    {
        var code = VerificationCode.New();
        var url = renderer.Options.VerificationUrl(code);
        var certificate = certificates.GetCertificate();
        var composed = renderer.Compose(content, new DocumentStamp(code, url));
        using (composed.Pdf)
        {
            var signedAt = _clock.GetUtcNow();
            var bytes = signer.Sign(composed, certificate, content.Kind.Title());
            return new SealedDocument(content.Kind, content.DocumentNumber, bytes,
                Convert.ToHexStringLower(SHA256.HashData(bytes)), certificate.Subject, signedAt, code, url);
        }
    }
}

/// <summary>The code in the verification URL: 16 characters of RFC 4648 base32 = 80 random bits,
/// so codes cannot be guessed or enumerated, and contain no 0/1/8/9 to confuse with O/I/B/g
/// when typed from paper.</summary>
public static class VerificationCode
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    public const int Length = 16;

    public static string New()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        Span<char> chars = stackalloc char[Length];
        ulong buffer = 0;
        int bits = 0, c = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                chars[c++] = Alphabet[(int)((buffer >> bits) & 31)];
            }
        }
        return new string(chars);
    }

    public static bool IsWellFormed(string? code) =>
        code is { Length: Length } && code.All(ch => Alphabet.Contains(ch));
}
