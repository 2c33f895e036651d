using ApprovalCenter.Documents;
using ApprovalCenter.Web.Hosting;

namespace ApprovalCenter.Web.Verification;

/// <summary>The verification page's answer as JSON, for systems that accept our documents (banks,
/// other authorities) and check them by the code on the QR code.</summary>
public sealed record DocumentVerificationDto(
    string VerificationCode, string Verdict, string VerdictText, bool Valid, string? Problem,
    string SignatureStatus, string SignatureReason, string? SignerSubject, DateTimeOffset? SigningTime, string? CertificateSha256,
    string Title, string DocumentNumber, string CaseNumber, DateTimeOffset SignedAt, string Sha256, bool Sha256Matches,
    DateTimeOffset? RevokedAt, string? RevocationReason);

public static class VerificationApi
{
    public static IEndpointRouteBuilder MapVerificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/documents/{code}/verification", GetAsync).WithTags("Documents").AllowAnonymous()
            .RequireRateLimiting(RateLimits.PublicApi)
            .WithSummary("Public: is the document with this verification code genuine, sealed with the bureau's seal certificate, and still valid?")
            .Produces<DocumentVerificationDto>().ProducesProblem(404);
        return app;
    }

    private static async Task<IResult> GetAsync(string code, DocumentChecker checker, CancellationToken ct)
    {
        if (await checker.CheckAsync(code, ct) is not { } check)
            return Results.Problem(statusCode: 404, title: "未找到", detail: "没有与此验证码对应的文书，请核对二维码或验证码。");
        var (d, s) = (check.Document, check.Signature);
        return Results.Ok(new DocumentVerificationDto(
            d.VerificationCode, Camel(check.Verdict.ToString()), DocumentCheck.Title(check.Verdict), check.Verdict == DocumentVerdict.Genuine, check.Problem,
            Camel(s.Status.ToString()), s.Reason, s.SignerSubject, s.SigningTime, s.CertificateThumbprint,
            d.Title, d.DocumentNumber, d.CaseNumber, d.SignedAt, d.Sha256, check.HashMatches, d.RevokedAt, d.RevocationReason));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
