using ApprovalCenter.Configuration;
using ApprovalCenter.Uploads;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalCenter.Web.Uploads;

/// <summary>The uploads capability: policy, store and the form limits it needs.</summary>
public static class UploadsSetup
{
    public static IServiceCollection AddUploads(this IServiceCollection services, UploadOptions options)
    {
        var policy = new UploadPolicy(options.MaxBytes);
        services.AddSingleton(policy);
        services.TryAddSingleton(ApprovalCenter.Clock.BusinessClock.System);
        services.AddScoped<FileStore>();
        // Multipart parsing must not refuse a file our policy would explain (“超过大小上限 …”); the
        // per-request body limit is raised on the upload endpoint itself (UploadsApi), not globally.
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(o.MultipartBodyLengthLimit, UploadsApi.RequestAllowance(policy)));
        return services;
    }
}
