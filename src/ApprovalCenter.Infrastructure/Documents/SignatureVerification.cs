namespace ApprovalCenter.Documents;

/// <summary>What checking a PDF's signature found. Each failure is its own status, so pages and the
/// API can say it in their own words and language.</summary>
public enum SignatureStatus
{
    /// <summary>Signed under one of the bureau's seal certificates, in its period, and unchanged.</summary>
    Valid,
    /// <summary>No signature at all.</summary>
    Unsigned,
    /// <summary>The signature, its ranges or its certificate cannot be parsed (无法解析).</summary>
    Unparseable,
    /// <summary>The signed bytes, the signed attributes or the signature value were changed.</summary>
    Modified,
    /// <summary>Signed, but not with a seal certificate of the bureau, or outside its period.</summary>
    NotBureauSeal,
}

/// <summary>Outcome of checking a PDF's signature. Reason is a fixed Chinese sentence (one per
/// cause, so the English switch can translate it); the signer, time and SHA-256 thumbprint are
/// filled in as far as the signature could be read.</summary>
public sealed record SignatureVerification(
    SignatureStatus Status, string Reason, string? SignerSubject = null, DateTimeOffset? SigningTime = null, string? CertificateThumbprint = null)
{
    public bool IsValid => Status == SignatureStatus.Valid;
}

/// <summary>The sentences of <see cref="SignatureVerification.Reason"/>; en.json translates each.</summary>
public static class SignatureReasons
{
    public const string Valid = "签名有效：签章证书是本局印章证书，文件自签章后未被修改。";
    public const string NoSignature = "文件不含电子签章（未找到签名的 ByteRange）。";
    public const string BadByteRange = "无法解析电子签章：签名范围（ByteRange）无效。";
    public const string Appended = "文件在签章后被追加或截断，签名未覆盖整个文件。";
    public const string HoleNotSignature = "无法解析电子签章：签名范围之外的部分不是签名字典的 /Contents 签名值。";
    public const string TrailingData = "无法解析电子签章：签名值之后含有多余数据。";
    public const string NotCms = "无法解析电子签章：签名值不是有效的 PKCS#7 数据。";
    public const string BadCertificate = "无法解析电子签章：签名中的证书已损坏。";
    public const string SignerCount = "无法解析电子签章：签名须有且只有一个签名人。";
    public const string NotBureauSeal = "签章证书不是本局印章证书。";
    public const string NoCertificate = "签章证书不是本局印章证书：签名未附签章证书。";
    public const string NoSigningTime = "签章证书不是本局印章证书：签名未载明签章时间，无法确认当时使用的是本局印章。";
    public const string OutsidePeriod = "签章证书不是本局印章证书：签章时间不在该证书作为本局印章的有效期内。";
    public const string Modified = "签名验证失败：文件内容或签名数据在签章后被修改。";
}
