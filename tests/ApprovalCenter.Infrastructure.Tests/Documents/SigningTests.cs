using System.Security.Cryptography;
using ApprovalCenter.Documents;
using ApprovalCenter.Testing.Seals;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

public sealed class SigningTests
{
    private DocumentFixture _f = null!;

    [OneTimeSetUp] public void SetUp() => _f = new DocumentFixture();
    [OneTimeTearDown] public void TearDown() => _f.Dispose();

    private static (long B, long C) Hole(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var m = System.Text.RegularExpressions.Regex.Match(text, @"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)");
        Assert.That(m.Success, Is.True, "signed PDF has a /ByteRange");
        return (long.Parse(m.Groups[2].Value), long.Parse(m.Groups[3].Value));
    }

    [Test]
    public void Sealed_document_reports_hash_signer_time_and_code()
    {
        var before = DateTimeOffset.UtcNow;
        var doc = _f.Service.Seal(Samples.For(DocumentKind.AcceptanceNotice));
        Assert.That(doc.Sha256Hex, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(doc.Pdf))));
        Assert.That(doc.SignerSubject, Does.Contain("CN=清远高新区行政审批局 (开发用)"));
        Assert.That(doc.SignedAt, Is.InRange(before.AddSeconds(-1), DateTimeOffset.UtcNow.AddSeconds(1)));
        Assert.That(VerificationCode.IsWellFormed(doc.VerificationCode), Is.True, doc.VerificationCode);
        Assert.That(doc.DocumentNumber, Is.EqualTo("QYGX-2026-000123-SL"));
    }

    [Test]
    public void Poppler_accepts_the_signature_and_names_the_signer()
    {
        var sig = Poppler.Sig(_f.Sealed(DocumentKind.ApprovalDecision).Pdf);
        Assert.That(sig, Does.Contain("Signature is Valid."));
        Assert.That(sig, Does.Contain("清远高新区行政审批局 (开发用)"));
        Assert.That(sig, Does.Contain("SHA-256"));
        Assert.That(sig, Does.Contain("Total document signed"));
    }

    [Test]
    public void Unmodified_document_verifies_with_signer_and_time()
    {
        var doc = _f.Sealed(DocumentKind.DenialDecision);
        var result = _f.Verifier.Verify(doc.Pdf);
        Assert.That(result.IsValid, Is.True, result.Reason);
        Assert.That(result.SignerSubject, Is.EqualTo(doc.SignerSubject));
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Valid));
        Assert.That(result.CertificateThumbprint, Is.EqualTo(_f.Certificates.GetCertificate().GetCertHashString(HashAlgorithmName.SHA256)));
        Assert.That(result.SigningTime, Is.Not.Null);
        Assert.That(result.SigningTime!.Value, Is.EqualTo(doc.SignedAt).Within(TimeSpan.FromMinutes(1)));
    }

    [TestCase(0.5, TestName = "Flip a byte in the middle of the first signed range")]
    [TestCase(0.05, TestName = "Flip a byte near the start of the file")]
    [TestCase(-1.0, TestName = "Flip a byte in the second signed range")]
    public void Tampering_is_detected_by_our_verifier_and_by_poppler(double where)
    {
        var pdf = (byte[])_f.Sealed(DocumentKind.ApprovalDecision).Pdf.Clone();
        var (b, c) = Hole(pdf);
        var index = where >= 0 ? (long)(b * where) : c + (pdf.Length - c) / 2;
        pdf[index] ^= 0x01;

        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Modified), result.Reason);
        Assert.That(result.Reason, Does.Contain("修改"));
        Assert.That(Poppler.Sig(pdf), Does.Not.Contain("Signature is Valid."));
    }

    [Test]
    public void Changed_signature_value_is_detected()
    {
        // The byte is found by walking the DER to the signer's signature value, so it is that
        // value on every run (a fixed offset into the hex hit whatever the random certificate put there).
        var pdf = SignatureTampering.Tamper(_f.Sealed(DocumentKind.RefusalNotice).Pdf, SignatureTarget.SignatureValue);
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Modified), result.Reason);
    }

    [Test]
    public void Appended_incremental_update_is_detected()
    {
        var pdf = _f.Sealed(DocumentKind.RefusalNotice).Pdf.Concat("\n% appended after signing\n"u8.ToArray()).ToArray();
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Reason, Does.Contain("追加"));
    }

    [Test]
    public void Unsigned_pdf_is_reported_as_unsigned()
    {
        var pdf = _f.Renderer.Render(Samples.For(DocumentKind.AcceptanceNotice), new DocumentStamp("AAAABBBBCCCCDDDD", "https://x.test/verify/AAAABBBBCCCCDDDD"));
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.IsValid, Is.False);
        Assert.That(result.Reason, Does.Contain("不含电子签章"));
    }

    [Test]
    public void Verification_codes_are_base32_and_unique()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCode.New()).ToList();
        Assert.That(codes, Has.All.Length.EqualTo(16));
        Assert.That(codes.All(VerificationCode.IsWellFormed), Is.True);
        Assert.That(codes.Distinct().Count(), Is.EqualTo(codes.Count));
        // All 32 symbols appear: the encoder uses every bit, not a narrowed range.
        Assert.That(codes.SelectMany(c => c).Distinct().Count(), Is.EqualTo(32));
    }
}
