using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ApprovalCenter.Workflow;

/// <summary>
/// Canonical JSON (object keys sorted ordinally, no insignificant whitespace) and its SHA-256.
/// Versions are content hashes so that reformatting a file does not make a new version, while any
/// real change does, and two nodes agree on a version without a central counter.
/// </summary>
public static class CanonicalJson
{
    public static string Canonicalize(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Write(doc.RootElement, w);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string Sha256(string json) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(json))));

    private static void Write(JsonElement e, Utf8JsonWriter w)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var p in e.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    w.WritePropertyName(p.Name);
                    Write(p.Value, w);
                }
                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var x in e.EnumerateArray()) Write(x, w);
                w.WriteEndArray();
                break;
            default:
                e.WriteTo(w);
                break;
        }
    }
}
