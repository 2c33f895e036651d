using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Configuration;

namespace ApprovalCenter.Documents;

/// <summary>
/// The bureau's seal certificates, the only ones a signature may count under: the current one
/// (the signing certificate of <see cref="SealCertificateProvider"/>, in Development the
/// self-signed one) and the retired ones from ApprovalCenter:Seal:RetiredCertificates. Loaded once,
/// on first use or by <see cref="SealCertificatesCheck"/> at start-up, which turns a
/// misconfiguration into a clear start-up error instead of a failing verification page.
/// </summary>
public sealed class BureauSealCertificates
{
    private readonly Lazy<IReadOnlyList<BureauSealCertificate>> _all;

    public BureauSealCertificates(SealOptions seal, SealCertificateProvider signing) =>
        _all = new(() => Load(seal, signing), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A fixed list (tests, tools).</summary>
    public BureauSealCertificates(IEnumerable<BureauSealCertificate> certificates)
    {
        var list = certificates.ToList();
        _all = new(() => list);
    }

    public IReadOnlyList<BureauSealCertificate> All => _all.Value;

    /// <summary>The pinned certificate byte-identical to <paramref name="signer"/>, or null.</summary>
    public BureauSealCertificate? Find(X509Certificate2 signer) => All.FirstOrDefault(c => c.IsSameCertificate(signer));

    private static IReadOnlyList<BureauSealCertificate> Load(SealOptions seal, SealCertificateProvider signing)
    {
        var list = new List<BureauSealCertificate> { Checked(new(signing.GetCertificate(), seal.ValidFrom, seal.ValidUntil, isCurrent: true), "ApprovalCenter:Seal") };
        for (var i = 0; i < seal.RetiredCertificates.Count; i++)
        {
            var retired = seal.RetiredCertificates[i];
            var setting = $"ApprovalCenter:Seal:RetiredCertificates:{i}";
            if (retired.ValidUntil is null)
                throw new SealCertificateException($"{setting}:ValidUntil 未填写：退役印章证书必须写明停用时间（例如 2026-12-31T23:59:59+08:00），此后签署的文书不再认可。");
            using var certificate = PublicCertificateLoader.Load(retired.Certificate, $"{setting}:Certificate");
            list.Add(Checked(new(certificate, retired.ValidFrom, retired.ValidUntil, isCurrent: false), setting));
        }
        return list;
    }

    private static BureauSealCertificate Checked(BureauSealCertificate c, string setting) => c.ValidFrom < c.ValidUntil ? c
        : throw new SealCertificateException(
            $"{setting} 的有效期无效：配置的有效期与证书自身的有效期（{c.Certificate.NotBefore:yyyy-MM-dd} 至 {c.Certificate.NotAfter:yyyy-MM-dd}）没有交集，或起始时间不早于截止时间。");
}
