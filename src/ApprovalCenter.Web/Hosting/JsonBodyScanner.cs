using System.Text.Json;

namespace ApprovalCenter.Web.Hosting;

/// <summary>Reads a JSON request body once, before any endpoint binds it: a syntax error, or a NUL,
/// lone surrogate or broken UTF-8 in any name or string, becomes a 400 naming the position or the
/// JSON path; and it measures the top-level <c>data</c> member, the case data the size limit is for.</summary>
public static class JsonBodyScanner
{
    public const string InvalidUnicode = "无效的 Unicode 编码（不成对的代理字符或错误的 UTF-8 字节）";

    public sealed record Result(RequestProblem? Problem, long DataBytes);

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;
        public string? Name { get; set; }
        public int Index { get; set; } = -1;
    }

    public static Result Scan(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var frames = new List<Frame>();
        long dataStart = -1, dataBytes = 0;
        try
        {
            while (reader.Read())
            {
                var token = reader.TokenType;
                var isValue = token is not (JsonTokenType.PropertyName or JsonTokenType.EndObject or JsonTokenType.EndArray);
                if (isValue && frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                var atData = isValue && frames.Count == 1 && !frames[0].IsArray && frames[0].Name == "data";
                if (atData) dataStart = reader.TokenStartIndex;
                switch (token)
                {
                    case JsonTokenType.PropertyName:
                        var name = Read(ref reader, frames);
                        frames[^1].Name = name;
                        if (InputText.Problem(name, strict: true) is { } badName) return new(RequestProblem.BadCharacter(PathOf(frames), badName), 0);
                        break;
                    case JsonTokenType.String:
                        if (InputText.Problem(Read(ref reader, frames)) is { } badValue) return new(RequestProblem.BadCharacter(PathOf(frames), badValue), 0);
                        break;
                    case JsonTokenType.StartObject:
                        frames.Add(new Frame(isArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        frames.Add(new Frame(isArray: true));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                }
                // The data member ends when its value does: at once for a scalar, or when its
                // object or array closes back to the top level.
                if (dataStart >= 0 && frames.Count == 1 && token is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                {
                    dataBytes = reader.BytesConsumed - dataStart;
                    dataStart = -1;
                }
            }
        }
        catch (JsonException e)
        {
            return new(RequestProblem.InvalidJson(e.LineNumber ?? 0, e.BytePositionInLine ?? 0), 0);
        }
        catch (UnicodeError e)
        {
            return new(RequestProblem.BadCharacter(e.Path, InvalidUnicode), 0);
        }
        return new(null, dataBytes);
    }

    /// <summary>The string at the reader; System.Text.Json throws InvalidOperationException for an
    /// escaped lone surrogate (“\ud800”) or invalid UTF-8, which is the client's fault here.</summary>
    private static string Read(ref Utf8JsonReader reader, List<Frame> frames)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw new UnicodeError(PathOf(frames));
        }
    }

    private sealed class UnicodeError(string path) : Exception
    {
        public string Path { get; } = path;
    }

    /// <summary>“data.materials[2].name”; “$” for the document itself.</summary>
    private static string PathOf(List<Frame> frames)
    {
        var parts = new System.Text.StringBuilder();
        foreach (var f in frames)
        {
            if (f.IsArray) { if (f.Index >= 0) parts.Append('[').Append(f.Index).Append(']'); }
            else if (f.Name is { } n) parts.Append(parts.Length == 0 ? "" : ".").Append(InputText.Printable(n));
        }
        return parts.Length == 0 ? "$" : parts.ToString();
    }
}
