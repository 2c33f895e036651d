using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ApprovalCenter.Configuration;

namespace ApprovalCenter.Documents;

/// <summary>A seal certificate that cannot be used; the message says what to fix.</summary>
public sealed class SealCertificateException(string message, Exception? inner = null) : InvalidOperationException(message, inner);

/// <summary>
/// Supplies the bureau's signing certificate. Production loads the PKCS#12 file named by
/// SealOptions.CertificatePath. Development (CreateDevelopmentCertificate and no path) creates a
/// self-signed certificate once and keeps it under {DataDirectory}/seal/development-seal.pfx, so
/// documents signed before a restart, or by another node sharing the directory, verify against
/// the same certificate. The certificate is loaded once and kept for the life of the process:
/// PDFsharp needs it alive until the document is saved.
/// </summary>
public sealed class SealCertificateProvider : IDisposable
{
    public const string DevelopmentSubject = "CN=清远高新区行政审批局 (开发用), O=ApprovalCenter, C=CN";
    /// <summary>Used only when no password is configured. The file is mode 600 and holds a
    /// development certificate nobody trusts; the password only satisfies the PKCS#12 format.</summary>
    internal const string DevelopmentPassword = "approvalcenter-development-seal";

    private readonly SealOptions _seal;
    private readonly string _dataDirectory;
    private readonly Lazy<X509Certificate2> _certificate;

    public SealCertificateProvider(SealOptions seal, string dataDirectory)
    {
        _seal = seal;
        _dataDirectory = dataDirectory;
        _certificate = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string DevelopmentCertificatePath => Path.Combine(_dataDirectory, "seal", "development-seal.pfx");

    public X509Certificate2 GetCertificate() => _certificate.Value;

    private X509Certificate2 Load()
    {
        if (!string.IsNullOrWhiteSpace(_seal.CertificatePath))
            return LoadPkcs12(_seal.CertificatePath, _seal.CertificatePassword, "ApprovalCenter:Seal:CertificatePath");
        if (_seal.CreateDevelopmentCertificate)
            return LoadOrCreateDevelopment();
        throw new SealCertificateException(
            "未配置行政审批专用章的签名证书：请在 ApprovalCenter:Seal:CertificatePath 设置 PKCS#12（.pfx）证书路径及密码，" +
            "或仅在开发环境中开启 ApprovalCenter:Seal:CreateDevelopmentCertificate。");
    }

    private static X509Certificate2 LoadPkcs12(string path, string? password, string setting)
    {
        if (!File.Exists(path))
            throw new SealCertificateException($"找不到行政审批专用章的签名证书文件：{path}（{setting}）。请检查路径及文件权限。");
        X509Certificate2 cert;
        try
        {
            cert = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException e)
        {
            throw new SealCertificateException(
                $"无法打开行政审批专用章的签名证书 {path}：证书密码错误，或文件不是有效的 PKCS#12（.pfx）证书。请检查 ApprovalCenter:Seal:CertificatePassword。", e);
        }
        if (!cert.HasPrivateKey)
        {
            cert.Dispose();
            throw new SealCertificateException($"签名证书 {path} 不含私钥，无法用于签章。请导出包含私钥的 PKCS#12 文件。");
        }
        return cert;
    }

    private X509Certificate2 LoadOrCreateDevelopment()
    {
        var path = DevelopmentCertificatePath;
        var password = _seal.CertificatePassword ?? DevelopmentPassword;
        if (File.Exists(path)) return LoadPkcs12(path, password, "开发用证书");

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var fs = new FileStream(temp, options)) fs.Write(CreateDevelopmentPfx(password));
        try
        {
            // Rename without overwrite: when two nodes race, the first file wins and the loser
            // loads it, so every node signs with the same certificate.
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return LoadPkcs12(path, password, "开发用证书");
    }

    internal static byte[] CreateDevelopmentPfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(new X500DistinguishedName(DevelopmentSubject), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        // Valid years either side of today: a development or training install moves business time
        // (the signing time) away from real time, and a seal must still cover the documents it signs.
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));
        return cert.Export(X509ContentType.Pfx, password);
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated) _certificate.Value.Dispose();
    }
}
