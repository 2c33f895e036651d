using ApprovalCenter.Administration;
using ApprovalCenter.Catalog;
using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using ApprovalCenter.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Cases;

/// <summary>A licence with what the renewal portal needs: the item that renews it and the last day to apply.</summary>
public sealed record HeldLicence(Licence Licence, string ItemName, CatalogItem? RenewalItem, DateOnly LatestApplicationDay);

/// <summary>
/// The register of licences with a term (ALL Art. 50): administrators import the licences issued before the
/// system (CSV or XLSX), all lines or none, journaled in <c>admin_journal</c>; holders see theirs under /My and
/// apply for renewal from there. The holder is matched by credit code, ID number or account name, so a line
/// can only name a registered applicant.
/// </summary>
public sealed class LicenceRegister(AppDbContext db, CatalogProvider catalogs, BusinessClock clock)
{
    public async Task<List<Licence>> SearchAsync(string? query, int take = 200, CancellationToken ct = default)
    {
        var q = db.Set<Licence>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var t = query.Trim();
            q = q.Where(l => l.Number.Contains(t) || l.HolderName.Contains(t) || l.ItemCode == t.ToUpper());
        }
        return await q.OrderBy(l => l.ValidUntil).ThenBy(l => l.Number).Take(take).ToListAsync(ct);
    }

    public async Task<List<HeldLicence>> HeldByAsync(string holderId, CancellationToken ct = default)
    {
        var catalog = (await catalogs.GetAsync(ct)).Catalog;
        var licences = await db.Set<Licence>().AsNoTracking().Where(l => l.HolderId == holderId).OrderBy(l => l.ValidUntil).ToListAsync(ct);
        return licences.Select(l =>
        {
            var issuedBy = catalog.Find(l.ItemCode);
            return new HeldLicence(l, issuedBy?.Name ?? l.ItemCode, RenewalItemFor(catalog, l.ItemCode, issuedBy?.Name ?? ""), Renewal.LatestApplicationDay(l.ValidUntil));
        }).ToList();
    }

    /// <summary>The catalog's renewal item for a licence (its "延续" item), else the issuing item itself.</summary>
    public static CatalogItem? RenewalItemFor(ApprovalCatalog catalog, string itemCode, string itemName) =>
        catalog.Items.FirstOrDefault(i => i.Code != itemCode && i.Name.Contains("延续") && Renewal.Renews(i.Code, i.Name, itemCode, itemName))
        ?? catalog.Find(itemCode);

    /// <summary>Checks every line against the catalog, the accounts and the register, then saves all of them or none.</summary>
    /// <param name="checkOnly">Only check (the file already has other problems): every problem is reported at once.</param>
    public async Task<(int Imported, List<LicenceLineError> Errors)> ImportAsync(IReadOnlyList<LicenceLine> lines, string actorId, string actorName, string? ip, string fileName, bool checkOnly = false, CancellationToken ct = default)
    {
        var catalog = (await catalogs.GetAsync(ct)).Catalog;
        var errors = new List<LicenceLineError>();
        var numbers = lines.Select(l => l.Number).ToList();
        var existing = (await db.Set<Licence>().AsNoTracking().Where(l => numbers.Contains(l.Number)).Select(l => l.Number).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var keys = lines.Select(l => l.Holder).Distinct().ToList();
        var holders = await db.Users.AsNoTracking()
            .Where(u => keys.Contains(u.CreditCode!) || keys.Contains(u.IdNumber!) || keys.Contains(u.UserName!))
            .Select(u => new { u.Id, u.UserName, u.CreditCode, u.IdNumber, u.DisplayName }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = new List<Licence>();
        foreach (var line in lines)
        {
            if (existing.Contains(line.Number)) errors.Add(new(line.Line, LicenceImport.Number, "登记簿中已有该编号的证照"));
            if (catalog.Find(line.ItemCode) is null) errors.Add(new(line.Line, LicenceImport.ItemCode, $"“{line.ItemCode}”不在事项目录中"));
            var holder = holders.FirstOrDefault(h => h.CreditCode == line.Holder || h.IdNumber == line.Holder)
                ?? holders.FirstOrDefault(h => string.Equals(h.UserName, line.Holder, StringComparison.OrdinalIgnoreCase));
            if (holder is null) { errors.Add(new(line.Line, LicenceImport.Holder, $"没有统一社会信用代码、身份证号码或账号为“{line.Holder}”的申请人账号")); continue; }
            rows.Add(new Licence
            {
                Id = Guid.CreateVersion7(), Number = line.Number, HolderId = holder.Id, HolderName = holder.DisplayName, ItemCode = line.ItemCode,
                ValidFrom = line.ValidFrom, ValidUntil = line.ValidUntil, Status = LicenceStatus.Valid, UpdatedAt = now,
            });
        }
        if (errors.Count > 0 || checkOnly) return (0, errors);
        db.AddRange(rows);
        db.Add(new AdminJournalEntry
        {
            At = DateTimeOffset.UtcNow, Actor = actorId, ActorName = actorName, Ip = ip, Action = "licences:import", Subject = "licences",
            Summary = $"导入证照登记 {rows.Count} 条（{fileName}）", DataJson = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => r.Number)),
        });
        await db.SaveChangesAsync(ct);
        return (rows.Count, errors);
    }
}
