using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

/// <summary>The document services wired as in production, with a development certificate in a
/// throw-away data directory. Signed samples are cached: signing is the slow part.</summary>
internal sealed class DocumentFixture : IDisposable
{
    public const string BaseUrl = "https://zwfw.qygx.example.cn";

    private readonly Dictionary<DocumentKind, SealedDocument> _sealed = [];

    public DocumentFixture()
    {
        DataDirectory = Directory.CreateTempSubdirectory("approvalcenter-docs-").FullName;
        Options = new DocumentOptions { PublicBaseUrl = BaseUrl + "/" };
        var seal = new SealOptions { CreateDevelopmentCertificate = true };
        Certificates = new SealCertificateProvider(seal, DataDirectory);
        Verifier = new PdfSignatureVerifier(new BureauSealCertificates(seal, Certificates));
        Renderer = new PdfDocumentRenderer(Options);
        Service = new SealedDocumentService(Renderer, new DocumentSigner(Options), Certificates);
    }

    public string DataDirectory { get; }
    public DocumentOptions Options { get; }
    public SealCertificateProvider Certificates { get; }
    public PdfDocumentRenderer Renderer { get; }
    public SealedDocumentService Service { get; }
    /// <summary>Trusts the development seal only, as the app does in Development.</summary>
    public PdfSignatureVerifier Verifier { get; }

    public SealedDocument Sealed(DocumentKind kind)
    {
        lock (_sealed)
        {
            if (!_sealed.TryGetValue(kind, out var doc)) _sealed[kind] = doc = Service.Seal(Samples.For(kind));
            return doc;
        }
    }

    public void Dispose()
    {
        Certificates.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
