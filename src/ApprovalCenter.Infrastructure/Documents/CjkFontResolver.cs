using System.Buffers.Binary;
using PdfSharp.Drawing;
using PdfSharp.Fonts;

namespace ApprovalCenter.Documents;

/// <summary>
/// Serves one CJK face for every font request. PDFsharp cannot read a face out of a TrueType
/// Collection (.ttc; FontResolverInfo.CollectionNumber "must be zero"), and the Debian CJK fonts
/// ship as .ttc, so face 0 is cut out into a standalone TTF in memory. WenQuanYi Micro Hei covers
/// both Chinese and Latin, so one face renders a mixed line such as a company name with its
/// English alias and credit code. Bold is simulated by PDFsharp.
/// </summary>
public sealed class CjkFontResolver : IFontResolver
{
    /// <summary>The family name documents ask for; any name resolves to the same face.</summary>
    public const string Family = "CJK";
    public const string DefaultFontPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    private static readonly Lock Gate = new();
    private static CjkFontResolver? _registered;

    private readonly Lazy<byte[]> _font;

    public CjkFontResolver(string fontPath, int faceIndex = 0)
    {
        FontPath = fontPath;
        _font = new(() => LoadFace(fontPath, faceIndex), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string FontPath { get; }

    /// <summary>
    /// Installs the resolver and the AGPL licence PDFsharp needs before its first Save.
    /// PDFsharp's font settings are process-global and cannot change once fonts are in use, so
    /// the first registration wins; later calls with another path are ignored (and return the
    /// resolver actually in use so callers can see it).
    /// </summary>
    public static CjkFontResolver EnsureRegistered(string? fontPath = null)
    {
        lock (Gate)
        {
            if (_registered is not null) return _registered;
            var path = string.IsNullOrWhiteSpace(fontPath) ? DefaultFontPath : fontPath;
            if (!File.Exists(path))
                throw new FileNotFoundException($"找不到文书字体文件：{path}（需要安装 fonts-wqy-microhei，或配置字体路径）。", path);
            PdfSharp.PdfSharpLicense.SetAgplLicense();
            var resolver = new CjkFontResolver(path);
            _ = resolver._font.Value; // fail now, with the path in the message, rather than mid-render
            GlobalFontSettings.FontResolver = resolver;
            _registered = resolver;
            return resolver;
        }
    }

    /// <summary>A document font. Unicode encoding always: with PDFsharp's automatic choice an
    /// ASCII-only string (a verification code) gets a second, WinAnsi copy of the font without a
    /// ToUnicode map, which doubles the embedded font and hurts text extraction.</summary>
    public static XFont Font(double size, bool bold = false) =>
        new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfSharp.Pdf.PdfFontEncoding.Unicode));

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new("cjk-regular", bold ? XStyleSimulations.BoldSimulation : XStyleSimulations.None);

    public byte[]? GetFont(string faceName) => _font.Value;

    public static byte[] LoadFace(string path, int index)
    {
        var data = File.ReadAllBytes(path);
        return BinaryPrimitives.ReadUInt32BigEndian(data) == 0x74746366 /* 'ttcf' */ ? ExtractTtcFace(data, index) : data;
    }

    /// <summary>Copies face #index of a TrueType Collection into a standalone .ttf: the face's
    /// table directory is copied with its offsets rewritten; table data is unchanged.</summary>
    public static byte[] ExtractTtcFace(byte[] ttc, int index)
    {
        var numFonts = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(8));
        if (index < 0 || index >= numFonts) throw new ArgumentOutOfRangeException(nameof(index));
        var dir = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(12 + 4 * index));
        int numTables = BinaryPrimitives.ReadUInt16BigEndian(ttc.AsSpan(dir + 4));
        int headerLen = 12 + 16 * numTables, total = headerLen;
        var tables = new List<(int Rec, int Off, int Len)>(numTables);
        for (var t = 0; t < numTables; t++)
        {
            var rec = dir + 12 + 16 * t;
            var off = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(rec + 8));
            var len = (int)BinaryPrimitives.ReadUInt32BigEndian(ttc.AsSpan(rec + 12));
            tables.Add((rec, off, len));
            total += (len + 3) & ~3;
        }
        var ttf = new byte[total];
        Array.Copy(ttc, dir, ttf, 0, 12);
        var pos = headerLen;
        for (var t = 0; t < numTables; t++)
        {
            var (rec, off, len) = tables[t];
            Array.Copy(ttc, rec, ttf, 12 + 16 * t, 16);
            BinaryPrimitives.WriteUInt32BigEndian(ttf.AsSpan(12 + 16 * t + 8), (uint)pos);
            Array.Copy(ttc, off, ttf, pos, len);
            pos += (len + 3) & ~3;
        }
        return ttf;
    }
}
