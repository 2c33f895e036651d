using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Testing.Seals;

/// <summary>Certificates and signatures that are not the app's own seal: a look-alike (the
/// bureau's development subject on a fresh key) or a seal of another period. Shared by the
/// Infrastructure tests (linked source) and the web tests.</summary>
public static class TestSeals
{
    /// <summary>A self-signed seal certificate with its private key, valid from
    /// <paramref name="notBefore"/> to <paramref name="notAfter"/> (default: yesterday to ten years on).</summary>
    public static X509Certificate2 Create(DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, string subject = SealCertificateProvider.DevelopmentSubject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(subject), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        using var cert = request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(10));
        // Through PKCS#12, as the app loads its seal, so the key is usable by the CMS signer.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx, "t"), "t", X509KeyStorageFlags.EphemeralKeySet);
    }

    /// <summary>Renders <paramref name="content"/> and signs it with <paramref name="certificate"/>
    /// exactly as the app signs with its own seal.</summary>
    public static byte[] Sign(DocumentOptions options, DocumentContent content, X509Certificate2 certificate, string code = "AAAABBBBCCCCDDDD")
    {
        var composed = new PdfDocumentRenderer(options).Compose(content, new DocumentStamp(code, options.VerificationUrl(code)));
        using (composed.Pdf) return new DocumentSigner(options).Sign(composed, certificate, content.Kind.Title());
    }

    /// <summary>The public certificate as PEM text, as an operator configures a retired seal.</summary>
    public static string Pem(X509Certificate2 certificate) => certificate.ExportCertificatePem();
}
