using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ApprovalCenter.Catalog;

namespace ApprovalCenter.Exemption;

/// <summary>Writes the exemption list in the layout of workflows/catalog/exemptions.json, so an
/// administrator's edit becomes a whole new file validated by <see cref="CatalogLoader"/> exactly
/// like the shipped one. Pure.</summary>
public static class ExemptionsJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(IEnumerable<ExemptionRule> rules)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("$schema", "../schemas/exemptions.schema.json");
            w.WriteStartArray("rules");
            foreach (var r in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("category", r.Category);
                w.WriteString("condition", r.Condition.Text);
                w.WriteStartObject("exempts");
                if (r.ExemptedItem is null) w.WriteNull("item"); else w.WriteString("item", r.ExemptedItem);
                w.WriteString("step", r.ExemptedStep);
                w.WriteEndObject();
                w.WriteString("legalBasis", r.LegalBasis);
                w.WriteString("validFrom", r.ValidFrom.ToString("yyyy-MM-dd"));
                if (r.ValidTo is { } to) w.WriteString("validTo", to.ToString("yyyy-MM-dd")); else w.WriteNull("validTo");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
