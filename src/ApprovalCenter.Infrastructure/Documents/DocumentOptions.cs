namespace ApprovalCenter.Documents;

/// <summary>Settings of the document library. The bureau name comes from SealOptions so that the
/// header, the seal drawing and the certificate all name the same organ.</summary>
public sealed class DocumentOptions
{
    public string BureauName { get; set; } = "清远高新区行政审批局";
    /// <summary>Public address of the web site; the QR code points at {PublicBaseUrl}/verify/{code}.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
    public string? FontPath { get; set; }
    public string Location { get; set; } = "清远市";
    public string ContactInfo { get; set; } = "清远高新区行政审批局 政务服务中心";

    public string VerificationUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{code}";
}
