using ApprovalCenter.Administration;
using ApprovalCenter.Catalog;
using ApprovalCenter.Persistence;
using ApprovalCenter.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Exemption;

/// <summary>An administrator's edit of one exemption rule, as typed.</summary>
public sealed record ExemptionRuleEdit(string Id, string? Category, string? Condition, string? ExemptedItem, string? ExemptedStep,
    string? LegalBasis, DateOnly? ValidFrom, DateOnly? ValidTo, string? Reason);

/// <summary>One catalog revision in which the exemption list changed.</summary>
public sealed record ExemptionRevision(int Revision, DateTimeOffset At, string By, string Note, ExemptionRule? Rule);

/// <summary>
/// Edits the exemption list: each save is a whole new catalog revision (the list is stored per revision,
/// like items), validated by the same loader as the shipped file, and journaled in admin_journal.
/// Decisions keep the revision they were taken under, so an edit never changes a notice already issued.
/// </summary>
public sealed class ExemptionRulesAdministration(AppDbContext db, CatalogProvider catalogs)
{
    public async Task<IReadOnlyList<(string Field, string Message)>> SaveAsync(ExemptionRuleEdit edit, AdminActor by, CancellationToken ct = default)
    {
        var errors = new List<(string, string)>();
        var snapshot = await catalogs.ReloadAsync(ct);
        var current = snapshot.Catalog.Exemptions.FirstOrDefault(r => r.Id == edit.Id);
        if (current is null) return [("Id", $"没有编号为“{edit.Id}”的豁免规则")];
        if (string.IsNullOrWhiteSpace(edit.Category)) errors.Add(("Category", "请填写项目类别"));
        if (string.IsNullOrWhiteSpace(edit.ExemptedStep)) errors.Add(("ExemptedStep", "请填写豁免的环节"));
        if (string.IsNullOrWhiteSpace(edit.LegalBasis)) errors.Add(("LegalBasis", "请填写豁免依据"));
        if (string.IsNullOrWhiteSpace(edit.Reason)) errors.Add(("Reason", "请填写修改理由"));
        var item = string.IsNullOrWhiteSpace(edit.ExemptedItem) ? null : edit.ExemptedItem.Trim();
        if (item is not null && snapshot.Catalog.Find(item) is null) errors.Add(("ExemptedItem", $"事项目录中没有编码为“{item}”的事项"));
        Condition? condition = null;
        if (string.IsNullOrWhiteSpace(edit.Condition)) errors.Add(("Condition", "请填写适用条件"));
        else if (Condition.TryParse(edit.Condition.Trim(), out var parseError) is not { } parsed) errors.Add(("Condition", $"适用条件无法解析：{parseError}"));
        else if (parsed.Keys.FirstOrDefault(k => ExemptionFields.Find(k) is null) is { } unknown)
            errors.Add(("Condition", $"适用条件中的字段“{unknown}”不是可询问申请人的字段（可用：{string.Join("、", ExemptionFields.All.Select(f => $"{f.Key}（{f.Label}）"))}）"));
        else condition = parsed;
        if (edit.ValidFrom is null) errors.Add(("ValidFrom", "请填写生效日期"));
        else if (edit.ValidTo is { } to && to < edit.ValidFrom) errors.Add(("ValidTo", "失效日期不能早于生效日期"));
        if (errors.Count > 0) return errors;

        var updated = new ExemptionRule(current.Id, edit.Category!.Trim(), condition!, item, edit.ExemptedStep!.Trim(), edit.LegalBasis!.Trim(), edit.ValidFrom!.Value, edit.ValidTo);
        var rules = snapshot.Catalog.Exemptions.Select(r => r.Id == current.Id ? updated : r).ToList();
        var latest = await db.Set<CatalogRevision>().AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(ct);
        var revision = new CatalogRevision
        {
            DepartmentsJson = latest.DepartmentsJson, ItemsJson = latest.ItemsJson, ExemptionsJson = ExemptionsJson.Write(rules),
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = by.UserName, Note = $"修改豁免规则 {current.Id}：{edit.Reason!.Trim()}",
        };
        // The same loader as the shipped files: e.g. an item marked 可豁免 must keep a rule.
        var loaded = CatalogLoader.Load(new SourceFile("departments.json", revision.DepartmentsJson), new SourceFile("items.json", revision.ItemsJson),
            new SourceFile("exemptions.json", revision.ExemptionsJson), snapshot.Definitions.Ids);
        if (!loaded.IsSuccess) return loaded.Errors.Select(e => ("ExemptedItem", e.Reason)).ToList();
        db.Add(revision);
        db.Add(new AdminJournalEntry
        {
            At = DateTimeOffset.UtcNow, Actor = by.UserId, ActorName = by.UserName, Ip = by.Ip, Action = "exemption:edit",
            Subject = "exemption:" + current.Id, Summary = $"修改豁免规则 {current.Id}（{updated.Category}）：条件“{updated.Condition.Text}”", Reason = edit.Reason!.Trim(),
        });
        await db.SaveChangesAsync(ct);
        await catalogs.ReloadAsync(ct);
        return [];
    }

    /// <summary>The revisions in which this rule changed (or first appeared), newest first.</summary>
    public async Task<List<ExemptionRevision>> HistoryAsync(string ruleId, CancellationToken ct = default)
    {
        var rows = await db.Set<CatalogRevision>().AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.CreatedAt, r.CreatedBy, r.Note, r.ExemptionsJson }).ToListAsync(ct);
        var history = new List<ExemptionRevision>();
        string? previous = null;
        foreach (var r in rows)
        {
            var rule = Rule(r.ExemptionsJson, ruleId);
            var text = rule is null ? null : ExemptionsJson.Write([rule]);
            if (text != previous) history.Add(new(r.Id, r.CreatedAt, r.CreatedBy, r.Note, rule));
            previous = text;
        }
        history.Reverse();
        return history;
    }

    public Task<List<AdminJournalEntry>> JournalAsync(string ruleId, CancellationToken ct = default) =>
        db.Set<AdminJournalEntry>().AsNoTracking().Where(e => e.Subject == "exemption:" + ruleId).OrderByDescending(e => e.Id).ToListAsync(ct);

    private static ExemptionRule? Rule(string json, string id) =>
        CatalogLoader.ReadExemptionRules(new SourceFile("exemptions.json", json)).FirstOrDefault(r => r.Id == id);
}
