using ApprovalCenter.Catalog;
using ApprovalCenter.Web.Hosting;

namespace ApprovalCenter.Web.Catalog;

public sealed record CatalogItemSummary(string Code, string Name, string Department, int StatutoryDays, int PromisedDays, IReadOnlyList<string> Modes);
public sealed record CatalogMaterialDto(string Name, string Type);
public sealed record CatalogItemDetail(
    string Code, string Name, string Department, string Kind, int StatutoryDays, int PromisedDays, decimal Compression,
    IReadOnlyList<string> Modes, IReadOnlyList<CatalogMaterialDto> Materials, string LegalBasis, string Fee, string Process,
    string? SourceUrl, bool SourceInferred);
public sealed record CompressionGroupDto(string Name, int ItemCount, int StatutoryDays, int PromisedDays, decimal Percent);
public sealed record CompressionItemDto(string Code, string Name, string Department, int StatutoryDays, int PromisedDays, decimal Percent);
public sealed record CompressionResponse(int Revision, CompressionGroupDto Overall, IReadOnlyList<CompressionGroupDto> Departments, IReadOnlyList<CompressionItemDto> CutByAtLeast95Percent);

/// <summary>The public catalog API (anonymous, rate limited): items, one item, and the compression figures.</summary>
public static class CatalogApi
{
    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/catalog").WithTags("Catalog").RequireRateLimiting(RateLimits.PublicApi).AllowAnonymous();

        api.MapGet("/items", async (CatalogProvider catalogs, CancellationToken ct) =>
        {
            var catalog = (await catalogs.GetAsync(ct)).Catalog;
            return Results.Ok(catalog.Items.Select(i => new CatalogItemSummary(i.Code, i.Name, i.Department, i.StatutoryDays, i.PromisedDays, ModeKeys(i.Modes))).ToList());
        }).WithSummary("Every catalog item with its limits (working days) and modes").Produces<List<CatalogItemSummary>>();

        api.MapGet("/items/{code}", async (string code, CatalogProvider catalogs, CancellationToken ct) =>
        {
            var catalog = (await catalogs.GetAsync(ct)).Catalog;
            if (catalog.Find(code) is not { } i)
                return Results.Problem(statusCode: 404, title: "未找到", detail: $"事项目录中没有编码为“{code}”的事项。");
            return Results.Ok(new CatalogItemDetail(i.Code, i.Name, i.Department, i.Kind, i.StatutoryDays, i.PromisedDays, Math.Round(i.Compression * 100, 1),
                ModeKeys(i.Modes), i.Materials.Select(m => new CatalogMaterialDto(m.Name, m.Type == MaterialType.Core ? "core" : "tolerable")).ToList(),
                i.LegalBasis, i.Fee, i.Process, i.Source.Url, i.Source.Inferred));
        }).WithSummary("One catalog item: materials, limits, modes, basis").Produces<CatalogItemDetail>().ProducesProblem(404);

        api.MapGet("/compression", async (CatalogProvider catalogs, CancellationToken ct) =>
        {
            var snapshot = await catalogs.GetAsync(ct);
            var r = CompressionReport.From(snapshot.Catalog.Items);
            static CompressionGroupDto G(GroupCompression g) => new(g.Name, g.ItemCount, g.StatutoryDays, g.PromisedDays, g.Percent);
            return Results.Ok(new CompressionResponse(snapshot.Revision, G(r.Overall), r.Departments.Select(G).ToList(),
                r.CutByAtLeast95Percent.Select(i => new CompressionItemDto(i.Code, i.Name, i.Department, i.StatutoryDays, i.PromisedDays, Math.Round(i.Compression * 100, 1))).ToList()));
        }).WithSummary("Limit compression overall and per department: 1 − Σpromised / Σstatutory").Produces<CompressionResponse>();

        return app;
    }

    /// <summary>Machine names of the modes: immediate or promised, then tolerance, commitment, joint, exemption.</summary>
    public static IReadOnlyList<string> ModeKeys(ItemModes m) =>
        new[] { m.Immediate ? "immediate" : "promised" }.Concat(CatalogQuery.Modes.Where(f => f.Value != "immediate" && f.Applies(m)).Select(f => f.Value)).ToList();
}
