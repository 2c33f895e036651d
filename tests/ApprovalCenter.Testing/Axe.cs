using System.Text.Json;
using Microsoft.Playwright;

namespace ApprovalCenter.Testing;

/// <summary>
/// axe-core (frontend/node_modules, installed by build.sh from npm) run inside the page. The script is
/// evaluated through the DevTools protocol, which the site's Content-Security-Policy (script-src 'self')
/// does not govern, so the page under test is exactly the page users get.
/// </summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() => File.ReadAllText(ScriptPath));

    public static string ScriptPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "frontend", "node_modules", "axe-core", "axe.min.js");
                if (File.Exists(candidate)) return candidate;
            }
            throw new FileNotFoundException("axe-core is missing: run ./build.sh test (it installs frontend/ from npm)");
        }
    }

    /// <summary>The serious and critical violations on the current page, one line each (rule: target…).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(@"async () => {
            const r = await window.axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ') + ' — ' + v.help));
        }");
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
