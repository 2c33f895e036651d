using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace ApprovalCenter.Documents;

/// <summary>
/// Makes the detached CMS signature (SHA-256) for PDFsharp. Unlike PDFsharp's default signer,
/// which signs the bare content digest and keeps the signing time in the unsigned attributes,
/// this one puts the signing time into the signed attributes (with the content type and message
/// digest that .NET then adds), so the time a verifier checks against the seal certificate's
/// period is covered by the seal's own signature.
/// </summary>
public sealed class SealCmsSigner(X509Certificate2 certificate, TimeProvider? clock = null) : IDigitalSigner
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private int _size;

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, false) ?? "(undefined)";

    /// <summary>The room PDFsharp reserves in /Contents: one trial signature plus a margin, since
    /// the DER length of an RSA signature value can differ by a byte between signatures.</summary>
    public async Task<int> GetSignatureSizeAsync()
    {
        if (_size == 0) _size = (await GetSignatureAsync(new MemoryStream([0])).ConfigureAwait(false)).Length + 16;
        return _size;
    }

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp hands over its RangedStream (the two signed ranges): it knows its length but
        // throws on CanSeek, so Stream.CopyTo cannot be used.
        var content = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(content);
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(_clock.GetUtcNow().UtcDateTime));
        cms.ComputeSignature(signer, silent: true);
        return Task.FromResult(cms.Encode());
    }
}
