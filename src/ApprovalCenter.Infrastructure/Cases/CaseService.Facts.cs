using ApprovalCenter.Calendar;
using ApprovalCenter.Cases.Actions;
using ApprovalCenter.Catalog;
using ApprovalCenter.Uploads;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>The facts an action's descriptor asks for, from the database: credit records, the
    /// case's stored uploads, the catalog item and the calendar. A client never supplies these.</summary>
    private async Task<Dictionary<string, object?>> FactsAsync(CaseRecord record, WorkflowInstance instance, CatalogItem? item,
        ActionDescriptor descriptor, CaseActor actor, IReadOnlyList<AttachedMaterial> files, CancellationToken ct)
    {
        var facts = new Dictionary<string, object?>();
        var wanted = descriptor.FactKeys;
        if (files.Count > 0 && !wanted.Contains(CaseFacts.SupplementedMaterials))
            throw CaseException.Invalid($"“{descriptor.Label}”不接受上传材料。", "files");
        if (wanted.Contains(CaseFacts.BadCredit) || wanted.Contains(CaseFacts.FalseCommitmentRecord))
        {
            var credit = await db.Set<CreditRecord>().AsNoTracking().Where(c => c.ApplicantId == record.ApplicantId).ToListAsync(ct);
            facts[CaseFacts.BadCredit] = credit.Any(c => c.BlocksSpecialModes);
            facts[CaseFacts.FalseCommitmentRecord] = credit.Any(c => c.Reason == "false-commitment");
        }
        if (wanted.Contains(CaseFacts.HighRisk)) facts[CaseFacts.HighRisk] = item?.HighRisk ?? false;
        if (wanted.Contains(CaseFacts.CoreMaterialsComplete) || wanted.Contains(CaseFacts.MissingMaterials))
        {
            var uploaded = (await db.Set<CaseFile>().AsNoTracking().Where(f => f.CaseId == record.Id).Select(f => f.MaterialName).ToListAsync(ct)).ToHashSet();
            facts[CaseFacts.CoreMaterialsComplete] = item is not null && item.CoreMaterials.All(uploaded.Contains);
            if (wanted.Contains(CaseFacts.MissingMaterials))
            {
                var missing = item?.TolerableMaterials.Where(m => !uploaded.Contains(m)).ToList() ?? [];
                if (missing.Count == 0) throw CaseException.Invalid("申请材料已齐全，无需容缺受理，请选择“材料齐全受理”。", CaseFacts.MissingMaterials);
                var deadline = await PromisedFromTodayAsync(ToleranceDaysOf(record), ct);
                var by = deadline is { } d ? $"，须于 {d:yyyy-MM-dd} 前补齐" : "";
                facts[CaseFacts.MissingMaterials] = string.Join("\n", missing.Select(m => $"{m}：容缺受理{by}"));
                if (wanted.Contains(CaseFacts.SupplementDeadline) && deadline is { } dd) facts[CaseFacts.SupplementDeadline] = dd.ToString("yyyy-MM-dd");
            }
        }
        if (wanted.Contains(CaseFacts.CommitmentLetterSigned))
            facts[CaseFacts.CommitmentLetterSigned] = instance.Data.GetValueOrDefault("declarationVersion") as string == SignedTexts.CommitmentLetter.Version;
        if (wanted.Contains(CaseFacts.CommitmentLetterVersion)) facts[CaseFacts.CommitmentLetterVersion] = SignedTexts.CommitmentLetter.Version;
        if (wanted.Contains(CaseFacts.SupplementedMaterials))
            facts[CaseFacts.SupplementedMaterials] = await AttachSupplementsAsync(record, instance, descriptor, actor, files, ct);
        return facts;
    }

    /// <summary>The stage a supplement's files are filed under.</summary>
    public static CaseFileStage StageOf(string action) => action == "submit-supplements" ? CaseFileStage.Tolerance : CaseFileStage.Supplement;

    /// <summary>Links the applicant's uploads to the requested materials and checks that every
    /// requested material now has a file at this stage; the names become the journaled fact.</summary>
    private async Task<string> AttachSupplementsAsync(CaseRecord record, WorkflowInstance instance, ActionDescriptor descriptor, CaseActor actor,
        IReadOnlyList<AttachedMaterial> files, CancellationToken ct)
    {
        var requested = MaterialLines.Parse(instance.Data.GetValueOrDefault(CaseFacts.MissingMaterials) as string).Select(r => r.Material).ToList();
        var stage = StageOf(descriptor.Id);
        var errors = new List<InputError>();
        var ids = files.Select(f => f.FileId).Distinct().ToList();
        var stored = await db.Set<StoredFile>().AsNoTracking().Where(f => ids.Contains(f.Id) && f.UploadedBy == actor.UserId).Select(f => f.Id).ToListAsync(ct);
        var existing = await db.Set<CaseFile>().Where(f => f.CaseId == record.Id && f.Stage == stage).ToListAsync(ct);
        foreach (var f in files)
        {
            if (!requested.Contains(f.Material)) { errors.Add(new InputError("files", $"“{f.Material}”不在需补交的材料中。")); continue; }
            if (!stored.Contains(f.FileId)) { errors.Add(new InputError("files", $"“{f.Material}”的文件不存在或不是您上传的。")); continue; }
            db.RemoveRange(existing.Where(e => e.MaterialName == f.Material));
            existing.RemoveAll(e => e.MaterialName == f.Material);
            var link = new CaseFile
            {
                Id = Guid.CreateVersion7(), CaseId = record.Id, MaterialName = f.Material, StoredFileId = f.FileId,
                Stage = stage, UploadedAt = time.GetUtcNow(), UploadedBy = actor.UserId,
            };
            db.Add(link);
            existing.Add(link);
        }
        foreach (var m in requested.Where(m => existing.All(e => e.MaterialName != m)))
            errors.Add(new InputError("files", $"请上传“{m}”。"));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            throw CaseException.Invalid(errors);
        }
        return string.Join("\n", requested);
    }

    /// <summary>The promised-limit date if the case were accepted today (the tolerance supplement deadline).</summary>
    public async Task<DateOnly?> PromisedFromTodayAsync(int promisedDays, CancellationToken ct = default)
    {
        var calendar = await calendars.GetAsync(ct);
        try { return calendar.AddWorkingDays(Today(), promisedDays).Value; }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or CalendarRangeException) { return null; }
    }
}
