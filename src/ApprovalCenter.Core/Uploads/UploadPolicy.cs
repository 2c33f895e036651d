using System.Globalization;

namespace ApprovalCenter.Uploads;

/// <summary>The outcome of checking one upload: what the content is, and why it is refused (null
/// when it is accepted).</summary>
public sealed record UploadCheck(string FileName, FileKind Kind, string? Error)
{
    public bool Accepted => Error is null;
}

/// <summary>What the bureau accepts as an uploaded material: a size limit and a set of formats,
/// recognised by content (<see cref="FileTypeSniffer"/>). Every refusal is a Chinese sentence that
/// names the file and the reason, because an applicant uploading ten materials must know which one
/// to fix and how.</summary>
public sealed class UploadPolicy
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    private const double BytesPerMegabyte = 1024 * 1024;
    /// <summary>Longest file name we keep; PostgreSQL column and Content-Disposition both stay sane.</summary>
    public const int MaxFileNameLength = 200;

    public static readonly IReadOnlyList<FileKind> DefaultAllowedKinds = [FileKind.Pdf, FileKind.Jpeg, FileKind.Png, FileKind.Ofd];

    public long MaxBytes { get; }
    public IReadOnlyList<FileKind> AllowedKinds { get; }

    public UploadPolicy(long maxBytes = DefaultMaxBytes, IEnumerable<FileKind>? allowedKinds = null)
    {
        if (maxBytes <= 0) throw new ArgumentOutOfRangeException(nameof(maxBytes), maxBytes, "The upload size limit must be positive.");
        MaxBytes = maxBytes;
        AllowedKinds = (allowedKinds ?? DefaultAllowedKinds).Where(k => k != FileKind.Unknown).Distinct().ToList();
        if (AllowedKinds.Count == 0) throw new ArgumentException("At least one file kind must be allowed.", nameof(allowedKinds));
    }

    /// <summary>Null when the file is acceptable, otherwise the message to show the applicant.</summary>
    public string? Validate(string? fileName, byte[] content) => Check(fileName, content).Error;

    /// <summary>Checks size first (cheap, and an oversize file need not be opened), then content type.</summary>
    public UploadCheck Check(string? fileName, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = CleanFileName(fileName);
        if (CheckSize(name, content.LongLength) is { } sizeError) return new UploadCheck(name, FileKind.Unknown, sizeError);
        var kind = FileTypeSniffer.Sniff(content);
        if (!AllowedKinds.Contains(kind))
            return new UploadCheck(name, kind, $"文件“{name}”的类型不受支持：仅接受 {AllowedList()} 文件（按文件内容识别）。");
        return new UploadCheck(name, kind, null);
    }

    /// <summary>The size rule alone, for callers that know the length before reading the bytes
    /// (a multipart section announces it), so an oversize upload is refused without buffering it.</summary>
    public string? CheckSize(string? fileName, long size)
    {
        var name = CleanFileName(fileName);
        if (size <= 0) return $"文件“{name}”是空文件（0 字节），请重新选择。";
        if (size <= MaxBytes) return null;
        var limit = Megabytes(MaxBytes);
        var actual = Megabytes(size);
        // Just over the limit, both round to the same figure; then the exact byte count says why.
        var actualText = actual == limit ? size.ToString("N0", CultureInfo.InvariantCulture) + " 字节" : actual + " MB";
        return $"文件“{name}”超过大小上限 {limit} MB（实际 {actualText}）。";
    }

    /// <summary>“20” for 20 MB, “23.4” for 23.4 MB (1 MB = 1024 × 1024 bytes, one decimal).</summary>
    public static string Megabytes(long bytes) =>
        Math.Round(bytes / BytesPerMegabyte, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>The last path segment of whatever the browser sent (old browsers send “C:\…\x.pdf”),
    /// without control characters and bidi controls (U+202E turns “exe.pdf” into what reads as
    /// “fdp.exe”) and bounded in length; “未命名文件” when nothing is left.</summary>
    public static string CleanFileName(string? fileName)
    {
        var name = fileName ?? "";
        var slash = name.LastIndexOfAny(['/', '\\']);
        if (slash >= 0) name = name[(slash + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();
        if (name.Length > MaxFileNameLength)
        {
            var ext = Path.GetExtension(name);
            name = ext.Length is > 0 and <= 10 ? name[..(MaxFileNameLength - ext.Length)] + ext : name[..MaxFileNameLength];
        }
        return name.Length == 0 ? "未命名文件" : name;
    }

    /// <summary>The Unicode bidirectional formatting characters (marks, embeddings, overrides, isolates).</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private string AllowedList() => string.Join("、", AllowedKinds.Select(FileTypeSniffer.DisplayName));
}
