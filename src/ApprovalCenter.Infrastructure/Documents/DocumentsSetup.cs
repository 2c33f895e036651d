using ApprovalCenter.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalCenter.Documents;

/// <summary>Registers rendering, signing and verification of documents under the bureau's one
/// seal. All services are singletons: the font and the certificates are loaded once per process,
/// and checked when the host starts.</summary>
public static class DocumentsSetup
{
    public static IServiceCollection AddSealedDocuments(this IServiceCollection services, ApprovalCenterOptions options, Action<DocumentOptions>? configure = null)
    {
        var documents = new DocumentOptions { BureauName = options.Seal.BureauName };
        configure?.Invoke(documents);
        services.AddSingleton(documents);
        services.AddSingleton(_ => new SealCertificateProvider(options.Seal, options.DataDirectory)); // factory, so the container disposes it
        services.AddSingleton<PdfDocumentRenderer>();
        services.AddSingleton<DocumentSigner>();
        services.AddSingleton(sp => new BureauSealCertificates(options.Seal, sp.GetRequiredService<SealCertificateProvider>()));
        services.AddHostedService<SealCertificatesCheck>();
        services.AddSingleton<PdfSignatureVerifier>();
        services.AddSingleton(sp => new SealedDocumentService(
            sp.GetRequiredService<PdfDocumentRenderer>(), sp.GetRequiredService<DocumentSigner>(),
            sp.GetRequiredService<SealCertificateProvider>(), sp.GetService<ApprovalCenter.Clock.BusinessClock>()));
        return services;
    }
}
