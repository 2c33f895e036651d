using ApprovalCenter.Clock;
using System.Security.Cryptography;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalCenter.Uploads;

/// <summary>Thrown when an upload breaks the <see cref="UploadPolicy"/>; the message is the Chinese
/// sentence for the applicant (it names the file and the reason).</summary>
public sealed class UploadRejectedException(string fileName, string message) : Exception(message)
{
    public string FileName { get; } = fileName;
}

/// <summary>Thrown when a stored file's bytes no longer match the hash taken at upload: corrupted or
/// tampered storage must never be served as if it were the applicant's material.</summary>
public sealed class StoredFileCorruptedException(Guid id) : Exception($"Stored file {id} does not match its SHA-256; it is not served.")
{
    public Guid Id { get; } = id;
}

/// <summary>Validates, stores and reads uploaded materials. Saving goes through the caller's scoped
/// <see cref="AppDbContext"/>, so anything the caller staged alongside (say, a case's material list)
/// commits in the same transaction as the file.</summary>
public sealed class FileStore(AppDbContext db, UploadPolicy policy, BusinessClock clock, ILogger<FileStore> log)
{
    public UploadPolicy Policy => policy;

    /// <summary>Checks the upload against the policy (by content), then stores it and saves.</summary>
    /// <exception cref="UploadRejectedException">The file is empty, too large or of a type not accepted.</exception>
    public async Task<StoredFile> SaveAsync(string? fileName, byte[] content, string uploadedBy, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(uploadedBy);
        var check = policy.Check(fileName, content);
        if (!check.Accepted) throw new UploadRejectedException(check.FileName, check.Error!);
        var file = new StoredFile
        {
            Id = Guid.CreateVersion7(),
            FileName = check.FileName,
            ContentType = FileTypeSniffer.ContentType(check.Kind),
            Size = content.LongLength,
            Sha256 = HashHex(content),
            Content = content,
            UploadedBy = uploadedBy,
            UploadedAt = clock.GetUtcNow(),
        };
        db.Set<StoredFile>().Add(file);
        await db.SaveChangesAsync(ct);
        log.LogInformation("Stored file {Id} ({ContentType}, {Size} bytes) for user {User}", file.Id, file.ContentType, file.Size, uploadedBy);
        return file;
    }

    /// <summary>The file with its content, or null when there is none; the content is verified
    /// against the stored SHA-256 first.</summary>
    /// <exception cref="StoredFileCorruptedException">The bytes no longer match their hash.</exception>
    public async Task<StoredFile?> GetAsync(Guid id, CancellationToken ct = default)
    {
        var file = await db.Set<StoredFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (file is null) return null;
        if (!string.Equals(HashHex(file.Content), file.Sha256, StringComparison.Ordinal) || file.Content.LongLength != file.Size)
        {
            log.LogError("Stored file {Id} fails its SHA-256 check and is withheld", id);
            throw new StoredFileCorruptedException(id);
        }
        return file;
    }

    public static string HashHex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
