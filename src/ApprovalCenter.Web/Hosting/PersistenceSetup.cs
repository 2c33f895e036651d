using ApprovalCenter.Configuration;
using ApprovalCenter.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Hosting;

public static class PersistenceSetup
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, ApprovalCenterOptions options)
    {
        var cs = options.Database.EffectiveConnectionString();
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(cs));
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);
        // Keys in the database: a cookie issued by one node is valid on every node.
        services.AddDataProtection().SetApplicationName("ApprovalCenter");
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) => o.XmlRepository = new DataProtectionKeyStore(sp));
        return services;
    }
}
