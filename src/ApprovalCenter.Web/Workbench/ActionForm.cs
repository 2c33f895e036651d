using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ApprovalCenter.Web.Workbench;

/// <summary>
/// The staff action form as the page adapter reads it: every field named <c>in.{key}</c> becomes
/// the raw input the API would carry in <c>data</c>, and the case handler validates both the same
/// way. Undeclared <c>in.*</c> fields are passed on too, so the page refuses them exactly like the API.
/// </summary>
public static class ActionForm
{
    public const string Prefix = "in.";

    public static string Name(string key) => Prefix + key;
    public static string Id(string key) => "in_" + key;

    public static Dictionary<string, object?> Read(IFormCollection form, ActionDescriptor descriptor, CatalogItem? item)
    {
        var raw = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, values) in form)
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || name[Prefix.Length..].Contains('.')) continue;
            var key = name[Prefix.Length..];
            var spec = descriptor.Input(key);
            // A checkbox posts "true" plus the hidden "false"; the first value is the ticked one.
            raw[key] = spec?.Type == InputType.Boolean ? values.FirstOrDefault() : values.ToString();
        }
        foreach (var spec in descriptor.Inputs.Where(s => s.Type == InputType.MaterialReasons && !raw.ContainsKey(s.Key)))
            raw[spec.Key] = MaterialReasons(form, spec.Key, item);
        return raw;
    }

    /// <summary>The one-time notice table: ticked materials (<c>in.key.pick</c> = index) with their reasons (<c>in.key.reason.i</c>).</summary>
    private static string? MaterialReasons(IFormCollection form, string key, CatalogItem? item)
    {
        var materials = item?.Materials ?? [];
        var picked = form[$"{Prefix}{key}.pick"].Select(v => int.TryParse(v, out var i) ? i : -1).Where(i => i >= 0 && i < materials.Count).Distinct().Order().ToList();
        if (picked.Count == 0) return null;
        return string.Join("\n", picked.Select(i => $"{materials[i].Name}：{form[$"{Prefix}{key}.reason.{i}"].ToString().Trim()}"));
    }

    /// <summary>The handler's field errors on the page's fields (the error summary links to <c>#in_key</c>).</summary>
    public static void AddErrors(ModelStateDictionary state, ApprovalCenter.Cases.CaseException e)
    {
        if (e.Errors.Count == 0) state.AddModelError("", e.Message);
        foreach (var error in e.Errors) state.AddModelError(Name(error.Key), error.Message);
    }
}
