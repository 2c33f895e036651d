using ApprovalCenter.Persistence;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Catalog;

/// <summary>The catalog and the process definitions in force, as one consistent snapshot.</summary>
public sealed record CatalogSnapshot(ApprovalCatalog Catalog, int Revision, DefinitionRegistry Definitions);

/// <summary>
/// Serves the active catalog revision and every published process definition. At startup the
/// shipped files under workflows/ are validated (all or nothing), published when new, and the
/// shipped catalog seeds the first revision. Each node keeps a derived copy and re-reads the
/// database at most every <see cref="RefreshInterval"/>.
/// </summary>
public sealed class CatalogProvider(IServiceScopeFactory scopes, ILogger<CatalogProvider> log)
{
    public static TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
    public static string WorkflowsDirectory => Path.Combine(AppContext.BaseDirectory, "workflows");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (CatalogSnapshot Snapshot, DateTime LoadedAt)? _current;

    public async Task<CatalogSnapshot> GetAsync(CancellationToken ct = default)
    {
        if (_current is { } c && DateTime.UtcNow - c.LoadedAt < RefreshInterval) return c.Snapshot;
        return await ReloadAsync(ct);
    }

    /// <summary>Publishes the shipped definitions and seeds the first catalog revision. Throws
    /// with every load error listed when a shipped file is invalid.</summary>
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var definitions = ThrowOnErrors(ProcessDefinitionLoader.LoadAll(ReadFiles(Path.Combine(WorkflowsDirectory, "processes")), check: ApprovalCenter.Cases.Actions.ActionCatalog.Check), "流程定义");
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        foreach (var d in definitions)
        {
            var text = File.ReadAllText(Path.Combine(WorkflowsDirectory, "processes", d.SourceFile));
            // ON CONFLICT: nodes starting together publish the same content once.
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO process_definitions ("DefinitionId", "Version", "FileName", "Json", "PublishedAt", "PublishedBy")
                VALUES ({d.Id}, {d.Version}, {d.SourceFile}, {text}, {DateTimeOffset.UtcNow}, {"system"})
                ON CONFLICT DO NOTHING
                """, ct);
        }
        if (!await db.Set<CatalogRevision>().AnyAsync(ct))
        {
            var dir = Path.Combine(WorkflowsDirectory, "catalog");
            var revision = new CatalogRevision
            {
                DepartmentsJson = File.ReadAllText(Path.Combine(dir, "departments.json")),
                ItemsJson = File.ReadAllText(Path.Combine(dir, "items.json")),
                ExemptionsJson = File.ReadAllText(Path.Combine(dir, "exemptions.json")),
                CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "system", Note = "随系统发布的事项目录",
            };
            ThrowOnErrors(Validate(revision, definitions.Select(d => d.Id).ToHashSet()), "事项目录");
            db.Add(revision);
            await db.SaveChangesAsync(ct);
        }
        await ReloadAsync(ct);
    }

    public async Task<CatalogSnapshot> ReloadAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Set<PublishedDefinition>().AsNoTracking().OrderBy(d => d.PublishedAt).ToListAsync(ct);
            var registry = new DefinitionRegistry();
            var publishedIds = rows.Select(r => r.DefinitionId).Distinct().ToList();
            foreach (var row in rows)
            {
                var loaded = ProcessDefinitionLoader.Load(new SourceFile(row.FileName, row.Json), publishedIds);
                if (loaded.Value is { } def) registry.Publish(def);
                else log.LogError("Published definition {Id}@{Version} no longer loads: {Errors}", row.DefinitionId, row.Version, string.Join("; ", loaded.Errors));
            }
            var revision = await db.Set<CatalogRevision>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(ct);
            var catalog = ThrowOnErrors(Validate(revision, registry.Ids), "事项目录");
            var snapshot = new CatalogSnapshot(catalog, revision.Id, registry);
            _current = (snapshot, DateTime.UtcNow);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Validates a whole new items file against the current departments, exemptions and
    /// processes and, only when everything is valid, stores it as a new revision.</summary>
    public async Task<LoadResult<ApprovalCatalog>> SaveItemsAsync(string itemsJson, string user, string note, CancellationToken ct = default)
    {
        var current = await GetAsync(ct);
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var latest = await db.Set<CatalogRevision>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(ct);
        var revision = new CatalogRevision
        {
            DepartmentsJson = latest.DepartmentsJson, ItemsJson = itemsJson, ExemptionsJson = latest.ExemptionsJson,
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = user, Note = note,
        };
        var result = Validate(revision, current.Definitions.Ids);
        if (!result.IsSuccess) return result;
        db.Add(revision);
        await db.SaveChangesAsync(ct);
        await ReloadAsync(ct);
        return result;
    }

    private static LoadResult<ApprovalCatalog> Validate(CatalogRevision r, IReadOnlyCollection<string> processes) =>
        CatalogLoader.Load(new SourceFile("departments.json", r.DepartmentsJson), new SourceFile("items.json", r.ItemsJson),
            new SourceFile("exemptions.json", r.ExemptionsJson), processes);

    private static IEnumerable<SourceFile> ReadFiles(string directory) =>
        Directory.GetFiles(directory, "*.json").Order().Select(f => new SourceFile(Path.GetFileName(f), File.ReadAllText(f)));

    private static T ThrowOnErrors<T>(LoadResult<T> result, string what) where T : class =>
        result.Value ?? throw new InvalidOperationException($"{what}数据有误，未载入：" + string.Join("；", result.Errors.Select(e => e.ToString())));
}
