using System.Text.RegularExpressions;

namespace ApprovalCenter.Web.Tests.Foundation;

/// <summary>
/// One writer of case state (issue 9): a scan of every source file for the ways code can write the
/// cases table — creating a CaseRecord, a tracked query on it, bulk updates, raw SQL — allowing
/// them only in CaseService. (At run time AppDbContext refuses a changed case outside CaseWriteScope.)
/// </summary>
public sealed partial class CaseWriterArchitectureTests
{
    private static string SourceRoot
    {
        get
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ApprovalCenter.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("solution root not found"), "src");
        }
    }

    [Test]
    public void Only_the_case_handler_writes_the_cases_table()
    {
        var offenders = new List<string>();
        var files = Directory.GetFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains("Migrations")).ToList();
        Assert.That(files, Is.Not.Empty);
        foreach (var file in files)
        {
            var allowed = Path.GetFileName(file).StartsWith("CaseService", StringComparison.Ordinal) && file.Contains(Path.Combine("Infrastructure", "Cases"));
            var text = File.ReadAllText(file);
            foreach (Match m in Writes().Matches(text))
                if (!allowed) offenders.Add($"{Path.GetRelativePath(SourceRoot, file)}: {m.Value.Trim()}");
        }
        Assert.That(offenders, Is.Empty, "case state may only be written by CaseService:\n" + string.Join("\n", offenders));
    }

    // new CaseRecord { … }; Set<CaseRecord>() not followed by AsNoTracking (tracked, hence writable);
    // ExecuteUpdate/ExecuteDelete on cases; raw SQL writing the table.
    [GeneratedRegex(@"new CaseRecord\b|Set<CaseRecord>\(\)(?!\s*\.AsNoTracking\(\))(?!\s*\.Local)|(UPDATE|INSERT INTO|DELETE FROM)\s+""?cases""?\b|Set<CaseRecord>\(\)[^;]*Execute(Update|Delete)", RegexOptions.IgnoreCase)]
    private static partial Regex Writes();
}
