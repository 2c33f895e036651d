using ApprovalCenter.Catalog;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ApprovalCenter.Web.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<CatalogProvider>();
        // The CSV export names its file by the bureau's date.
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
