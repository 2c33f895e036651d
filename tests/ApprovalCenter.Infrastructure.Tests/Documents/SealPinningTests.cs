using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;
using ApprovalCenter.Testing.Seals;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

/// <summary>Only the bureau's own seal certificates count, each within its period; every part of
/// the signature is hit by a tamper test located in the DER (issue 8, part 5).</summary>
public sealed class SealPinningTests
{
    private DocumentFixture _f = null!;
    private byte[] _pdf = null!;

    [OneTimeSetUp]
    public void SetUp()
    {
        _f = new DocumentFixture();
        _pdf = _f.Sealed(DocumentKind.ApprovalDecision).Pdf;
    }

    [OneTimeTearDown] public void TearDown() => _f.Dispose();

    [TestCase(SignatureTarget.CertificateSubject, SignatureStatus.NotBureauSeal)]
    [TestCase(SignatureTarget.CertificateValidity, SignatureStatus.NotBureauSeal)]
    [TestCase(SignatureTarget.CertificatePublicKey, SignatureStatus.NotBureauSeal)]
    [TestCase(SignatureTarget.CertificateSignature, SignatureStatus.NotBureauSeal)]
    [TestCase(SignatureTarget.SignedAttributes, SignatureStatus.Modified)]
    [TestCase(SignatureTarget.SignatureValue, SignatureStatus.Modified)]
    [TestCase(SignatureTarget.CertificateEncoding, SignatureStatus.Unparseable)]
    public void A_changed_byte_in_the_signature_is_refused(SignatureTarget target, SignatureStatus expected)
    {
        var result = _f.Verifier.Verify(SignatureTampering.Tamper(_pdf, target));
        Assert.That(result.Status, Is.EqualTo(expected), result.Reason);
        Assert.That(result.IsValid, Is.False);
        if (expected == SignatureStatus.NotBureauSeal) Assert.That(result.Reason, Does.StartWith("签章证书不是本局印章证书"));
        if (expected == SignatureStatus.Unparseable) Assert.That(result.Reason, Does.StartWith("无法解析"));
    }

    /// <summary>The locator hits what it names: decoding the tampered CMS shows exactly that part changed.</summary>
    [Test]
    public void Each_tamper_target_changes_the_part_it_names()
    {
        var (original, originalSigner) = Decode(_pdf);
        foreach (var target in new[] { SignatureTarget.CertificateSubject, SignatureTarget.CertificateValidity, SignatureTarget.CertificatePublicKey,
                     SignatureTarget.CertificateSignature, SignatureTarget.SignedAttributes, SignatureTarget.SignatureValue })
        {
            var (cert, signer) = Decode(SignatureTampering.Tamper(_pdf, target));
            var changed = (
                Subject: cert.Subject != original.Subject,
                Validity: cert.NotAfter != original.NotAfter,
                Key: !cert.PublicKey.EncodedKeyValue.RawData.SequenceEqual(original.PublicKey.EncodedKeyValue.RawData),
                Certificate: !cert.RawData.SequenceEqual(original.RawData),
                Attributes: !SigningTime(signer).SequenceEqual(SigningTime(originalSigner)),
                Signature: !signer.GetSignature().SequenceEqual(originalSigner.GetSignature()));
            var expected = target switch
            {
                SignatureTarget.CertificateSubject => (true, false, false, true, false, false),
                SignatureTarget.CertificateValidity => (false, true, false, true, false, false),
                SignatureTarget.CertificatePublicKey => (false, false, true, true, false, false),
                SignatureTarget.CertificateSignature => (false, false, false, true, false, false),
                SignatureTarget.SignedAttributes => (false, false, false, false, true, false),
                _ => (false, false, false, false, false, true),
            };
            Assert.That(changed, Is.EqualTo(expected), target.ToString());
        }

        static byte[] SigningTime(SignerInfo s) => s.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == "1.2.840.113549.1.9.5").SelectMany(a => a.Values.Cast<AsnEncodedData>()).SelectMany(v => v.RawData).ToArray();
    }

    [Test]
    public void A_look_alike_seal_with_the_bureau_s_name_is_refused()
    {
        using var lookAlike = TestSeals.Create();
        var pdf = TestSeals.Sign(_f.Options, Samples.For(DocumentKind.ApprovalDecision), lookAlike);
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.NotBureauSeal), result.Reason);
        Assert.That(result.Reason, Is.EqualTo(SignatureReasons.NotBureauSeal));
        Assert.That(result.SignerSubject, Is.EqualTo(_f.Certificates.GetCertificate().Subject), "same name, different key");
        Assert.That(Poppler.Sig(pdf), Does.Contain("Signature is Valid."), "the signature itself is intact: only pinning catches it");
    }

    [Test]
    public void A_retired_seal_verifies_inside_its_period_and_not_outside_it()
    {
        using var retired = TestSeals.Create();
        var pdf = TestSeals.Sign(_f.Options, Samples.For(DocumentKind.AcceptanceNotice), retired);
        var now = DateTimeOffset.UtcNow;

        var inside = VerifierWithRetired(retired, now.AddDays(-30), now.AddHours(1)).Verify(pdf);
        Assert.That(inside.Status, Is.EqualTo(SignatureStatus.Valid), inside.Reason);

        var after = VerifierWithRetired(retired, now.AddDays(-30), now.AddHours(-1)).Verify(pdf);
        Assert.That(after.Status, Is.EqualTo(SignatureStatus.NotBureauSeal));
        Assert.That(after.Reason, Is.EqualTo(SignatureReasons.OutsidePeriod));

        var before = VerifierWithRetired(retired, now.AddHours(1), now.AddDays(30)).Verify(pdf);
        Assert.That(before.Reason, Is.EqualTo(SignatureReasons.OutsidePeriod));
    }

    [Test]
    public void The_certificate_s_own_validity_bounds_the_configured_period()
    {
        using var expired = TestSeals.Create(DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddDays(-1));
        var pdf = TestSeals.Sign(_f.Options, Samples.For(DocumentKind.AcceptanceNotice), expired);
        var result = VerifierWithRetired(expired, DateTimeOffset.UtcNow.AddYears(-3), DateTimeOffset.UtcNow.AddYears(5)).Verify(pdf);
        Assert.That(result.Reason, Is.EqualTo(SignatureReasons.OutsidePeriod));
    }

    [Test]
    public void The_current_seal_counts_only_from_its_configured_start()
    {
        var seal = new SealOptions { CreateDevelopmentCertificate = true, ValidFrom = DateTimeOffset.UtcNow.AddDays(1) };
        var verifier = new PdfSignatureVerifier(new BureauSealCertificates(seal, _f.Certificates));
        Assert.That(verifier.Verify(_pdf).Reason, Is.EqualTo(SignatureReasons.OutsidePeriod));
    }

    [Test]
    public void The_signing_time_is_a_signed_attribute()
    {
        var (_, signer) = Decode(_pdf);
        Assert.That(signer.SignedAttributes.Cast<CryptographicAttributeObject>().Select(a => a.Oid.Value),
            Does.Contain("1.2.840.113549.1.9.5").And.Contain("1.2.840.113549.1.9.4"), "signing time and message digest are signed");
        Assert.That(_f.Verifier.Verify(_pdf).SigningTime, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
    }

    /// <summary>Documents sealed before the signing time became a signed attribute (PDFsharp's
    /// default signer, time in /M only) stay genuine.</summary>
    [Test]
    public void A_document_sealed_by_the_former_signer_still_verifies()
    {
        var composed = _f.Renderer.Compose(Samples.For(DocumentKind.AcceptanceNotice), new DocumentStamp("AAAABBBBCCCCDDDD", "https://x.test/verify/AAAABBBBCCCCDDDD"));
        byte[] pdf;
        using (composed.Pdf)
        {
            var signer = new PdfSharp.Pdf.Signatures.PdfSharpDefaultSigner(_f.Certificates.GetCertificate(), PdfSharp.Pdf.Signatures.PdfMessageDigestType.SHA256);
            PdfSharp.Pdf.Signatures.DigitalSignatureHandler.ForDocument(composed.Pdf, signer, new() { PageIndex = composed.SealPageIndex, Rectangle = composed.SealRectangle });
            using var ms = new MemoryStream();
            composed.Pdf.Save(ms, closeStream: false);
            pdf = ms.ToArray();
        }
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Valid), result.Reason);
        Assert.That(result.SigningTime, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)), "from /M");
    }

    [Test]
    public void No_byte_of_the_signature_makes_the_verifier_throw()
    {
        var (hexStart, der) = SignatureTampering.Signature(_pdf);
        var statuses = new HashSet<SignatureStatus>();
        for (var i = 0; i < der.Length; i += 7)
            foreach (var mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                var pdf = (byte[])_pdf.Clone();
                var hex = Convert.ToHexString([(byte)(der[i] ^ mask)]);
                pdf[hexStart + 2 * i] = (byte)hex[0];
                pdf[hexStart + 2 * i + 1] = (byte)hex[1];
                SignatureVerification result = null!;
                Assert.That(() => result = _f.Verifier.Verify(pdf), Throws.Nothing, $"byte {i} ^ {mask:X2}");
                statuses.Add(result.Status);
            }
        Assert.That(statuses, Does.Contain(SignatureStatus.Unparseable).And.Contain(SignatureStatus.Modified).And.Contain(SignatureStatus.NotBureauSeal));
    }

    [TestCase("", SignatureStatus.Unsigned)]
    [TestCase("PK\u0003\u0004 not a pdf", SignatureStatus.Unsigned)]
    [TestCase("%PDF-1.7 /ByteRange [0 99999999999999999999999 5 5] /Contents <00>", SignatureStatus.Unparseable)]
    [TestCase("%PDF-1.7 /ByteRange [0 10 8 2] /Contents <00>", SignatureStatus.Unparseable)]
    public void Hostile_files_get_an_answer_not_an_exception(string content, SignatureStatus expected)
    {
        var result = _f.Verifier.Verify(System.Text.Encoding.Latin1.GetBytes(content));
        Assert.That(result.Status, Is.EqualTo(expected), result.Reason);
    }

    [Test]
    public void A_hole_that_is_not_DER_cannot_be_parsed()
    {
        var (hexStart, _) = SignatureTampering.Signature(_pdf);
        var pdf = (byte[])_pdf.Clone();
        "FFFF"u8.CopyTo(pdf.AsSpan(hexStart));
        var result = _f.Verifier.Verify(pdf);
        Assert.That(result.Status, Is.EqualTo(SignatureStatus.Unparseable));
        Assert.That(result.Reason, Does.StartWith("无法解析"));
    }

    private PdfSignatureVerifier VerifierWithRetired(X509Certificate2 retired, DateTimeOffset from, DateTimeOffset until) => new(new BureauSealCertificates(
        new SealOptions
        {
            CreateDevelopmentCertificate = true,
            RetiredCertificates = [new() { Certificate = TestSeals.Pem(retired), ValidFrom = from, ValidUntil = until }],
        }, _f.Certificates));

    private static (X509Certificate2 Certificate, SignerInfo Signer) Decode(byte[] pdf)
    {
        var cms = new SignedCms();
        cms.Decode(SignatureTampering.Signature(pdf).Der);
        return (cms.Certificates[0], cms.SignerInfos[0]);
    }
}
