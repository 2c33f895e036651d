using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace ApprovalCenter.Web.Localization;

/// <summary>Chinese is written in the pages themselves and is the key; Localization/en.json maps
/// it to English. A missing entry shows the Chinese, so nothing is ever blank.</summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> Tables = new(Load);

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(Tables.Value);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(Tables.Value);

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Load()
    {
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>();
        var asm = Assembly.GetExecutingAssembly();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.Contains(".Localization.") && n.EndsWith(".json")))
        {
            var lang = name.Split('.')[^2];
            using var s = asm.GetManifestResourceStream(name)!;
            result[lang] = JsonSerializer.Deserialize<Dictionary<string, string>>(s) ?? [];
        }
        return result;
    }
}

public sealed class JsonStringLocalizer(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables) : IStringLocalizer
{
    public LocalizedString this[string name] => Find(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var s = Find(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, s.Value, arguments), s.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Table() is { } t ? t.Select(kv => new LocalizedString(kv.Key, kv.Value)) : [];

    private LocalizedString Find(string name) =>
        Table() is { } t && t.TryGetValue(name, out var v) ? new LocalizedString(name, v) : new LocalizedString(name, name, resourceNotFound: true);

    private IReadOnlyDictionary<string, string>? Table() =>
        tables.TryGetValue(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, out var t) ? t : null;
}

/// <summary>Marker type for the shared localizer.</summary>
public sealed class SharedResource;
