using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ApprovalCenter.Documents;

/// <summary>
/// One certificate the bureau seals (or sealed) with, pinned by its exact bytes, and the period in
/// which it was the bureau's seal: the configured period cut down to the certificate's own
/// NotBefore/NotAfter, so neither a configuration typo nor an expired certificate widens it.
/// </summary>
public sealed class BureauSealCertificate
{
    private readonly byte[] _raw;
    private readonly byte[] _sha256;
    private readonly byte[] _publicKey;

    public BureauSealCertificate(X509Certificate2 certificate, DateTimeOffset? validFrom, DateTimeOffset? validUntil, bool isCurrent)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        // A public copy: the pin never needs (or keeps alive) the signing key.
        Certificate = X509CertificateLoader.LoadCertificate(certificate.RawData);
        _raw = Certificate.RawData;
        _sha256 = Certificate.GetCertHash(HashAlgorithmName.SHA256);
        _publicKey = Certificate.PublicKey.ExportSubjectPublicKeyInfo();
        var notBefore = new DateTimeOffset(Certificate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        ValidFrom = validFrom is { } f && f > notBefore ? f : notBefore;
        ValidUntil = validUntil is { } u && u < notAfter ? u : notAfter;
        IsCurrent = isCurrent;
    }

    public X509Certificate2 Certificate { get; }
    public DateTimeOffset ValidFrom { get; }
    public DateTimeOffset ValidUntil { get; }
    /// <summary>The one that signs new documents; the others are retired.</summary>
    public bool IsCurrent { get; }
    public string Sha256Thumbprint => Convert.ToHexString(_sha256);

    /// <summary>Byte-identical: same encoding, same SHA-256 thumbprint and same public key. The
    /// subject is deliberately not compared on its own: anyone can make a certificate that
    /// carries the bureau's name.</summary>
    public bool IsSameCertificate(X509Certificate2 other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _raw.AsSpan().SequenceEqual(other.RawData)
            && _sha256.AsSpan().SequenceEqual(other.GetCertHash(HashAlgorithmName.SHA256))
            && _publicKey.AsSpan().SequenceEqual(other.PublicKey.ExportSubjectPublicKeyInfo());
    }

    public bool Covers(DateTimeOffset signingTime) => signingTime >= ValidFrom && signingTime <= ValidUntil;
}
