using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

public sealed class SealCertificateProviderTests
{
    private string _dir = null!;

    [SetUp] public void SetUp() => _dir = Directory.CreateTempSubdirectory("approvalcenter-seal-").FullName;
    [TearDown] public void TearDown() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Development_certificate_is_created_once_and_reused_across_restarts()
    {
        var options = new SealOptions { CreateDevelopmentCertificate = true };
        string first;
        using (var provider = new SealCertificateProvider(options, _dir))
        {
            var cert = provider.GetCertificate();
            first = cert.Thumbprint;
            Assert.That(cert.Subject, Does.Contain("CN=清远高新区行政审批局 (开发用)").And.Contain("O=ApprovalCenter").And.Contain("C=CN"));
            Assert.That(cert.HasPrivateKey, Is.True);
            Assert.That(cert.GetRSAPublicKey()!.KeySize, Is.EqualTo(2048));
            Assert.That(provider.GetCertificate(), Is.SameAs(cert), "loaded once per process");
            if (!OperatingSystem.IsWindows())
                Assert.That(File.GetUnixFileMode(provider.DevelopmentCertificatePath), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        }
        using var restarted = new SealCertificateProvider(options, _dir);
        Assert.That(restarted.GetCertificate().Thumbprint, Is.EqualTo(first));
        Assert.That(Directory.GetFiles(Path.Combine(_dir, "seal")), Has.Length.EqualTo(1), "no temp files left behind");
    }

    [Test]
    public void Nodes_racing_to_create_the_development_certificate_agree_on_one()
    {
        var options = new SealOptions { CreateDevelopmentCertificate = true };
        var providers = Enumerable.Range(0, 4).Select(_ => new SealCertificateProvider(options, _dir)).ToList();
        var thumbprints = providers.AsParallel().Select(p => p.GetCertificate().Thumbprint).ToList();
        Assert.That(thumbprints.Distinct().Count(), Is.EqualTo(1));
        providers.ForEach(p => p.Dispose());
    }

    [Test]
    public void Configured_certificate_loads_with_the_right_password()
    {
        var path = WritePfx("s3cret");
        using var provider = new SealCertificateProvider(new SealOptions { CertificatePath = path, CertificatePassword = "s3cret", CreateDevelopmentCertificate = true }, _dir);
        Assert.That(provider.GetCertificate().HasPrivateKey, Is.True);
        Assert.That(File.Exists(provider.DevelopmentCertificatePath), Is.False, "a configured path wins over the development certificate");
    }

    [Test]
    public void Wrong_password_gives_a_clear_message()
    {
        var path = WritePfx("s3cret");
        using var provider = new SealCertificateProvider(new SealOptions { CertificatePath = path, CertificatePassword = "wrong" }, _dir);
        Assert.That(() => provider.GetCertificate(),
            Throws.TypeOf<SealCertificateException>().With.Message.Contains("证书密码错误").And.Message.Contains(path).And.Message.Contains("CertificatePassword"));
    }

    [Test]
    public void Missing_file_gives_a_clear_message()
    {
        var path = Path.Combine(_dir, "missing.pfx");
        using var provider = new SealCertificateProvider(new SealOptions { CertificatePath = path }, _dir);
        Assert.That(() => provider.GetCertificate(),
            Throws.TypeOf<SealCertificateException>().With.Message.Contains("找不到").And.Message.Contains(path));
    }

    [Test]
    public void Certificate_without_private_key_is_refused()
    {
        var path = Path.Combine(_dir, "public.cer");
        var pfx = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(Base64Pfx("x")), "x");
        File.WriteAllBytes(path, X509CertificateLoader.LoadCertificate(pfx.Export(X509ContentType.Cert)).Export(X509ContentType.Pkcs12, "x"));
        using var provider = new SealCertificateProvider(new SealOptions { CertificatePath = path, CertificatePassword = "x" }, _dir);
        Assert.That(() => provider.GetCertificate(), Throws.TypeOf<SealCertificateException>().With.Message.Contains("私钥"));
    }

    [Test]
    public void Nothing_configured_outside_development_is_an_error() =>
        Assert.That(() => new SealCertificateProvider(new SealOptions(), _dir).GetCertificate(),
            Throws.TypeOf<SealCertificateException>().With.Message.Contains("CertificatePath"));

    private string WritePfx(string password)
    {
        var path = Path.Combine(_dir, "bureau.pfx");
        File.WriteAllBytes(path, Convert.FromBase64String(Base64Pfx(password)));
        return path;
    }

    private static string Base64Pfx(string password)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var req = new CertificateRequest("CN=清远高新区行政审批局, O=Test, C=CN", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(cert.Export(X509ContentType.Pfx, password));
    }
}
