using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Configuration;
using ApprovalCenter.Documents;
using ApprovalCenter.Testing.Seals;

namespace ApprovalCenter.Infrastructure.Tests.Documents;

/// <summary>ApprovalCenter:Seal lists the current seal and the retired ones; every way an operator
/// may give a retired certificate loads, and every mistake is a clear Chinese message.</summary>
public sealed class BureauSealCertificatesTests
{
    private string _dir = null!;
    private SealCertificateProvider _signing = null!;
    private X509Certificate2 _retired = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = Directory.CreateTempSubdirectory("approvalcenter-seals-").FullName;
        _signing = new SealCertificateProvider(new SealOptions { CreateDevelopmentCertificate = true }, _dir);
        _retired = TestSeals.Create();
    }

    [TearDown]
    public void TearDown()
    {
        _retired.Dispose();
        _signing.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    /// <summary>Relative to today, so the test passes on any date.</summary>
    private static readonly DateTimeOffset Until = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(30)).ToOffset(TimeSpan.FromHours(8));

    private BureauSealCertificates Load(string certificate) => new(new SealOptions
    {
        CreateDevelopmentCertificate = true,
        RetiredCertificates = [new() { Certificate = certificate, ValidUntil = Until }],
    }, _signing);

    [TestCase("pem-file")]
    [TestCase("der-file")]
    [TestCase("pem-text")]
    [TestCase("base64")]
    public void A_retired_certificate_loads_from_a_file_or_inline(string form)
    {
        var value = form switch
        {
            "pem-file" => Write("old.pem", System.Text.Encoding.ASCII.GetBytes(TestSeals.Pem(_retired))),
            "der-file" => Write("old.cer", _retired.RawData),
            "pem-text" => TestSeals.Pem(_retired),
            _ => Convert.ToBase64String(_retired.RawData),
        };
        var seals = Load(value);
        Assert.That(seals.All, Has.Count.EqualTo(2));
        Assert.That(seals.All[0].IsCurrent, Is.True);
        Assert.That(seals.All[0].IsSameCertificate(_signing.GetCertificate()), Is.True);
        var retired = seals.Find(_retired);
        Assert.That(retired, Is.Not.Null);
        Assert.That(retired!.IsCurrent, Is.False);
        Assert.That(retired.ValidUntil, Is.EqualTo(Until));
        Assert.That(retired.ValidFrom, Is.EqualTo(new DateTimeOffset(_retired.NotBefore.ToUniversalTime())), "empty ValidFrom: the certificate's NotBefore");
        Assert.That(retired.Certificate.HasPrivateKey, Is.False, "the pin keeps public certificates only");
    }

    [Test]
    public void A_look_alike_is_not_found_although_its_subject_is_the_same()
    {
        using var lookAlike = TestSeals.Create();
        var seals = Load(TestSeals.Pem(_retired));
        Assert.That(lookAlike.Subject, Is.EqualTo(_signing.GetCertificate().Subject));
        Assert.That(seals.Find(lookAlike), Is.Null);
    }

    [Test]
    public void A_retired_certificate_without_an_end_is_refused()
    {
        var seals = new BureauSealCertificates(new SealOptions
        {
            CreateDevelopmentCertificate = true,
            RetiredCertificates = [new() { Certificate = TestSeals.Pem(_retired) }],
        }, _signing);
        Assert.That(() => seals.All, Throws.TypeOf<SealCertificateException>().With.Message.Contains("RetiredCertificates:0:ValidUntil 未填写"));
    }

    [TestCase("/nonexistent/seal-2025.cer", "找不到")]
    [TestCase("not a certificate", "找不到")]
    [TestCase("", "为空")]
    [TestCase("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "不是有效的 X.509 证书")]
    public void A_wrong_retired_certificate_names_the_setting_and_the_fix(string value, string message)
    {
        Assert.That(() => Load(value).All, Throws.TypeOf<SealCertificateException>()
            .With.Message.Contains(message).And.Message.Contains("ApprovalCenter:Seal:RetiredCertificates:0:Certificate"));
    }

    [Test]
    public void A_period_outside_the_certificate_s_own_validity_is_refused()
    {
        var seals = new BureauSealCertificates(new SealOptions
        {
            CreateDevelopmentCertificate = true,
            RetiredCertificates = [new() { Certificate = TestSeals.Pem(_retired), ValidFrom = DateTimeOffset.UtcNow.AddYears(-5), ValidUntil = DateTimeOffset.UtcNow.AddYears(-4) }],
        }, _signing);
        Assert.That(() => seals.All, Throws.TypeOf<SealCertificateException>().With.Message.Contains("有效期无效"));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
