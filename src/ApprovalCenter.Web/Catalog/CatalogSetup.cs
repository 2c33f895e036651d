using ApprovalCenter.Catalog;

namespace ApprovalCenter.Web.Catalog;

public static class CatalogSetup
{
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.AddSingleton<CatalogProvider>();
        return services;
    }
}
