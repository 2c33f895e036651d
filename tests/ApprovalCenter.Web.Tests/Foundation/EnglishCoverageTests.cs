using System.Text.Json;
using System.Text.RegularExpressions;
using ApprovalCenter.Testing;

namespace ApprovalCenter.Web.Tests.Foundation;

/// <summary>
/// The English switch is only true if every Chinese text a page writes through the localizer (<c>L["…"]</c>) has
/// its English in <c>Localization/en.json</c>; a missing one shows Chinese in the middle of an English page.
/// </summary>
public sealed partial class EnglishCoverageTests
{
    [GeneratedRegex(@"L\[""((?:[^""\\]|\\.)*)""\]")]
    private static partial Regex Localized();

    [Test]
    public void Every_literal_text_on_a_page_has_its_English()
    {
        var root = Path.GetDirectoryName(Axe.ScriptPath)!;
        while (!File.Exists(Path.Combine(root, "build.sh"))) root = Path.GetDirectoryName(root)!;
        var web = Path.Combine(root, "src", "ApprovalCenter.Web");
        var english = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(web, "Localization", "en.json")))!;
        var missing = Directory.GetFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Localized().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(web, f), Text: Regex.Unescape(m.Groups[1].Value))))
            .Where(x => !english.ContainsKey(x.Text)).Distinct().ToList();
        Assert.That(missing, Is.Empty, string.Join("\n", missing.Select(m => $"{m.File}: {m.Text}")));
    }
}
