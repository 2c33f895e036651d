using System.Security.Claims;
using ApprovalCenter.Cases;
using ApprovalCenter.Persistence;
using ApprovalCenter.Uploads;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Web.Cases;

/// <summary>A material on a case as the case file lists it (no content).</summary>
public sealed record CaseMaterial(Guid LinkId, Guid FileId, string Material, CaseFileStage Stage, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    /// <summary>PDF and images open in the browser's viewer; OFD (no browser reads it) is downloaded.</summary>
    public bool Viewable => ContentType is "application/pdf" or "image/jpeg" or "image/png";
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}

/// <summary>The materials of a case, and the one gate every material read passes: the applicant,
/// staff of the case's department and the bureau-wide roles may open one, and every open is journaled.</summary>
public sealed class CaseMaterials(AppDbContext db, FileStore store, CaseService cases, CaseScopes scopes)
{
    public async Task<List<CaseMaterial>> ListAsync(Guid caseId, CancellationToken ct = default) =>
        await (from f in db.Set<CaseFile>().AsNoTracking().Where(f => f.CaseId == caseId)
               join s in db.Set<StoredFile>().AsNoTracking() on f.StoredFileId equals s.Id
               orderby f.Stage, f.UploadedAt
               select new CaseMaterial(f.Id, s.Id, f.MaterialName, f.Stage, s.FileName, s.ContentType, s.Size, f.UploadedAt)).ToListAsync(ct);

    /// <summary>The case and material the user may see, or null (not found or not allowed: the caller answers 404/403).</summary>
    public async Task<(CaseRecord Case, CaseMaterial Material)?> FindAsync(string number, Guid linkId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var record = await db.Set<CaseRecord>().AsNoTracking().FirstOrDefaultAsync(c => c.Number == number, ct);
        if (record is null || !await scopes.MayOpenAsync(user, record, ct)) return null;
        var material = (await ListAsync(record.Id, ct)).FirstOrDefault(m => m.LinkId == linkId);
        return material is null ? null : (record, material);
    }

    /// <summary>The content of a material the user may open, journaled on the case.</summary>
    public async Task<StoredFile?> OpenAsync(CaseRecord record, CaseMaterial material, CaseActor actor, CancellationToken ct = default)
    {
        var file = await store.GetAsync(material.FileId, ct);
        if (file is null) return null;
        await cases.RecordFileOpenedAsync(record.Id, actor, material.Material, material.FileName, ct);
        return file;
    }

    /// <summary>For GET /api/v1/files/{id}: a case the user may open that holds this file (null: none).</summary>
    public async Task<(CaseRecord Case, CaseMaterial Material)?> LinkedCaseAsync(Guid fileId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var links = await db.Set<CaseFile>().AsNoTracking().Where(f => f.StoredFileId == fileId && f.CaseId != null).Select(f => new { f.Id, f.CaseId }).ToListAsync(ct);
        foreach (var link in links)
        {
            var number = await db.Set<CaseRecord>().AsNoTracking().Where(c => c.Id == link.CaseId).Select(c => c.Number).FirstAsync(ct);
            if (await FindAsync(number, link.Id, user, ct) is { } found) return found;
        }
        return null;
    }
}
