namespace ApprovalCenter.Bench;

public interface IBenchmark
{
    string Name { get; }
    string Description { get; }
    Task<string> RunAsync();
}

public static class BenchmarkRegistry
{
    /// <summary>Every benchmark; add new ones here.</summary>
    public static IReadOnlyList<IBenchmark> All { get; } =
        typeof(BenchmarkRegistry).Assembly.GetTypes()
            .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
            .OrderBy(b => b.Name).ToList();

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApprovalCenter.sln"))) dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
