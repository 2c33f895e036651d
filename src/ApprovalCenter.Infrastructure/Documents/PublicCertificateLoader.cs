using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ApprovalCenter.Documents;

/// <summary>Reads a retired seal certificate as operators have it: a .cer/.crt file (DER), a .pem
/// file, or the certificate itself as PEM text or base64 DER (for an environment variable). Public
/// certificates only: a retired seal must never sign again, so its key has no business here.</summary>
public static class PublicCertificateLoader
{
    public static X509Certificate2 Load(string value, string setting)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
            throw new SealCertificateException($"{setting} 为空：请填写退役印章证书的文件路径（.cer/.crt/.pem），或证书的 PEM / base64 内容。");
        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal)) return X509Certificate2.CreateFromPem(text);
            if (File.Exists(text)) return FromFile(text);
            if (TryBase64(text) is { } der) return X509CertificateLoader.LoadCertificate(der);
        }
        catch (CryptographicException e)
        {
            throw new SealCertificateException($"无法读取 {setting} 中的退役印章证书（{Shorten(text)}）：不是有效的 X.509 证书（DER 或 PEM）。", e);
        }
        throw new SealCertificateException($"找不到 {setting} 中的退役印章证书：“{Shorten(text)}”既不是存在的文件，也不是 PEM 或 base64 编码的证书。");
    }

    private static X509Certificate2 FromFile(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().StartsWith("-----BEGIN"u8)
            ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
            : X509CertificateLoader.LoadCertificate(bytes);
    }

    private static byte[]? TryBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var n) && n > 0 ? buffer[..n] : null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
