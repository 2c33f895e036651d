namespace ApprovalCenter.Cases;

public sealed partial class CaseService
{
    /// <summary>Journals that someone opened one of the case's materials: who, when, from where and
    /// which file. Called by every path that hands a material's content out.</summary>
    public async Task RecordFileOpenedAsync(Guid caseId, CaseActor actor, string material, string fileName, CancellationToken ct = default)
    {
        var record = await db.Set<CaseRecord>().FindAsync([caseId], ct) ?? throw CaseException.NotFound(caseId.ToString());
        Journal(record, actor, "open-file", $"查看材料：{material}（{fileName}）", null, record.CurrentSteps, record.CurrentSteps, null);
        using (CaseWriteScope.Open()) await db.SaveChangesAsync(ct);
    }
}
