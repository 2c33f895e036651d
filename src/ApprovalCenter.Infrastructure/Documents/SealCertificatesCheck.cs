using Microsoft.Extensions.Hosting;

namespace ApprovalCenter.Documents;

/// <summary>Loads the seal certificates when the host starts, so a missing signing certificate or a
/// mistyped retired one stops the start-up with its Chinese message (SealCertificateException)
/// instead of surfacing later on the public verification page.</summary>
public sealed class SealCertificatesCheck(BureauSealCertificates seals) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = seals.All;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
