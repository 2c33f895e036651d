namespace ApprovalCenter.Web.Verification;

/// <summary>The public verification of issued documents: the /verify page and its JSON twin.</summary>
public static class VerificationSetup
{
    public static IServiceCollection AddDocumentVerification(this IServiceCollection services) => services.AddScoped<DocumentChecker>();
}
