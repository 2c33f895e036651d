using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApprovalCenter.Catalog;

/// <summary>
/// Writes catalog items in the layout of workflows/catalog/items.json (the format
/// <see cref="CatalogLoader"/> reads), so an edit in the administration pages becomes a whole new
/// items file that goes through exactly the same validation as the shipped one. Pure: items in, text out.
/// </summary>
public static class CatalogJson
{
    public const string Schema = "../schemas/catalog-items.schema.json";

    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string WriteItems(IEnumerable<CatalogItem> items)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", Schema);
            w.WriteStartArray("items");
            foreach (var it in items) WriteItem(w, it);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteItem(Utf8JsonWriter w, CatalogItem it)
    {
        w.WriteStartObject();
        w.WriteString("code", it.Code);
        w.WriteString("department", it.Department);
        w.WriteString("name", it.Name);
        w.WriteString("kind", it.Kind);
        w.WriteNumber("statutoryDays", it.StatutoryDays);
        w.WriteNumber("promisedDays", it.PromisedDays);
        w.WriteString("process", it.Process);
        w.WriteString("fee", it.Fee);
        w.WriteStartObject("modes");
        w.WriteBoolean("immediate", it.Modes.Immediate);
        w.WriteBoolean("promised", it.Modes.Promised);
        w.WriteBoolean("tolerance", it.Modes.Tolerance);
        w.WriteBoolean("commitment", it.Modes.Commitment);
        w.WriteBoolean("exemption", it.Modes.Exemption);
        w.WriteBoolean("jointReview", it.Modes.JointReview);
        w.WriteEndObject();
        w.WriteBoolean("highRisk", it.HighRisk);
        w.WriteStartArray("materials");
        foreach (var m in it.Materials)
        {
            w.WriteStartObject();
            w.WriteString("name", m.Name);
            w.WriteString("type", m.Type == MaterialType.Core ? "core" : "tolerable");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("legalBasis", it.LegalBasis);
        w.WriteStartObject("source");
        if (it.Source.Inferred) w.WriteString("kind", "inferred");
        else { w.WriteString("kind", "sourced"); w.WriteString("url", it.Source.Url); }
        w.WriteEndObject();
        if (it.Note is not null) w.WriteString("note", it.Note);
        if (it.TimeRules is { IsDefault: false } t)
        {
            w.WriteStartObject("timeRules");
            w.WriteNumber("warningRemainingDays", t.WarningRemainingDays);
            w.WriteString("warningUsedShare", t.WarningUsedShare);
            w.WriteNumber("verificationDays", t.VerificationDays);
            if (t.ToleranceSupplementDays is { } days) w.WriteNumber("toleranceSupplementDays", days);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
