using System.IO.Compression;

namespace ApprovalCenter.Uploads;

/// <summary>The kinds of file applicants may hand in: the formats Chinese e-government accepts for
/// scanned or electronic materials.</summary>
public enum FileKind { Unknown = 0, Pdf = 1, Jpeg = 2, Png = 3, Ofd = 4 }

/// <summary>Decides what a file is from its bytes, never from its name: a name is whatever the
/// applicant's computer called it, so “营业执照.pdf” may be a photo and “setup.exe” may be called
/// “营业执照.pdf”. Pure: it only looks at the bytes it is given (an OFD package is opened in memory).
/// A file that starts like a PDF but has no PDF trailer, or carries HTML, is not a PDF.</summary>
public static class FileTypeSniffer
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The entry GB/T 33190 requires at the root of every OFD package.</summary>
    public const string OfdEntryName = "OFD.xml";

    public static FileKind Sniff(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var span = content.AsSpan();
        if (span.StartsWith(PdfMagic)) return IsPdf(span) ? FileKind.Pdf : FileKind.Unknown;
        if (span.StartsWith(JpegMagic)) return FileKind.Jpeg;
        if (span.StartsWith(PngMagic)) return FileKind.Png;
        if (span.StartsWith(ZipMagic) && IsOfdPackage(content)) return FileKind.Ofd;
        return FileKind.Unknown;
    }

    /// <summary>How far from the end a PDF reader looks for the trailer (the PDF reference's
    /// implementation note: %%EOF within the last 1024 bytes).</summary>
    private const int PdfTrailerWindow = 1024;

    /// <summary>Markup that makes a “PDF” an HTML page in disguise (a browser or mail client that
    /// sniffs would render it, script and all).</summary>
    private static readonly string[] HtmlMarkers = ["<!doctype", "<html", "<head", "<body", "<script", "<iframe", "<svg", "<meta"];

    /// <summary>“%PDF-” alone proves nothing: a real PDF also ends in its trailer (startxref, then
    /// %%EOF) and does not start with HTML after the header line.</summary>
    private static bool IsPdf(ReadOnlySpan<byte> content)
    {
        var head = System.Text.Encoding.Latin1.GetString(content[..Math.Min(content.Length, PdfTrailerWindow)]);
        if (HtmlMarkers.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase))) return false;
        var tail = content[Math.Max(0, content.Length - PdfTrailerWindow)..];
        var eof = tail.LastIndexOf("%%EOF"u8);
        return eof >= 0 && tail[..eof].LastIndexOf("startxref"u8) >= 0;
    }

    /// <summary>An OFD is a ZIP whose root holds OFD.xml. Only the central directory is read (no
    /// entry is decompressed), so a hostile archive costs nothing beyond its own bytes.</summary>
    private static bool IsOfdPackage(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Any(e => string.Equals(e.FullName, OfdEntryName, StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return false;   // starts like a ZIP but is not a readable one
        }
    }

    /// <summary>The MIME type we serve a file of this kind with.</summary>
    public static string ContentType(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        FileKind.Ofd => "application/ofd",
        _ => "application/octet-stream",
    };

    /// <summary>The name applicants know the format by, used in messages.</summary>
    public static string DisplayName(FileKind kind) => kind switch
    {
        FileKind.Pdf => "PDF",
        FileKind.Jpeg => "JPEG",
        FileKind.Png => "PNG",
        FileKind.Ofd => "OFD",
        _ => "未知类型",
    };
}
