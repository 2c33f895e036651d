using ApprovalCenter.Bench;

// ./build.sh bench [name ...]: runs the named benchmarks (all when none is named) and prints
// each result as a ratio against its baseline. Results also go to bench/results/<name>.txt.
var all = BenchmarkRegistry.All;
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();   // "--x=y" are options for the benchmarks
var chosen = names.Count == 0 ? all : all.Where(b => names.Contains(b.Name)).ToList();
if (chosen.Count == 0)
{
    Console.Error.WriteLine($"unknown benchmark; choose from: {string.Join(", ", all.Select(b => b.Name))}");
    return 2;
}
foreach (var bench in chosen)
{
    Console.WriteLine($"== {bench.Name}: {bench.Description}");
    var report = await bench.RunAsync();
    Console.WriteLine(report);
    var dir = Path.Combine(BenchmarkRegistry.RepositoryRoot(), "bench", "results");
    Directory.CreateDirectory(dir);
    await File.WriteAllTextAsync(Path.Combine(dir, bench.Name + ".txt"), $"{DateTimeOffset.Now:u}\n{report}\n");
}
return 0;
