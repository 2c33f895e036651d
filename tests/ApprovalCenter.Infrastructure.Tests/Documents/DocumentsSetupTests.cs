using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

public sealed class DocumentsSetupTests
{
    [Test]
    public void Registered_services_seal_and_verify_a_document()
    {
        var dir = Directory.CreateTempSubdirectory("approvalcenter-di-").FullName;
        try
        {
            var options = new ApprovalCenterOptions { DataDirectory = dir, Seal = { CreateDevelopmentCertificate = true } };
            var services = new ServiceCollection().AddSealedDocuments(options, d => d.PublicBaseUrl = "https://approval.example.cn");
            string thumbprint;
            using (var sp = services.BuildServiceProvider())
            {
                var doc = sp.GetRequiredService<SealedDocumentService>().Seal(Samples.For(DocumentKind.ExtensionNotice));
                Assert.That(doc.VerificationUrl, Does.StartWith("https://approval.example.cn/verify/"));
                var result = sp.GetRequiredService<PdfSignatureVerifier>().Verify(doc.Pdf);
                Assert.That(result.IsValid, Is.True, result.Reason);
                Assert.That(sp.GetRequiredService<DocumentOptions>().BureauName, Is.EqualTo(options.Seal.BureauName));
                thumbprint = sp.GetRequiredService<SealCertificateProvider>().GetCertificate().GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
                Assert.That(result.CertificateThumbprint, Is.EqualTo(thumbprint));
            }
            Assert.That(File.Exists(Path.Combine(dir, "seal", "development-seal.pfx")), Is.True);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
