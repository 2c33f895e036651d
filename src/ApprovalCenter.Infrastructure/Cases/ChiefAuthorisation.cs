using ApprovalCenter.Clock;
using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

/// <summary>One line of the chief representatives' written authorisation (首席代表授权, rules.md
/// §0): the representative may decide the item (or every item of the department, "*") between
/// the two dates. Revoked lines stay for the record.</summary>
public sealed class ChiefAuthorisation
{
    public const string AllItems = "*";
    public const string DecidePower = "decide";

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string ItemCode { get; set; } = AllItems;
    public string Power { get; set; } = DecidePower;
    public DateOnly ValidFrom { get; set; }
    public DateOnly ValidTo { get; set; }
    public string GrantedBy { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool Covers(string itemCode, DateOnly day) =>
        RevokedAt is null && (ItemCode == AllItems || ItemCode == itemCode) && ValidFrom <= day && day <= ValidTo;
}

internal sealed class ChiefAuthorisationConfiguration : IEntityTypeConfiguration<ChiefAuthorisation>
{
    public void Configure(EntityTypeBuilder<ChiefAuthorisation> b)
    {
        b.ToTable("chief_authorisations");
        b.HasKey(a => a.Id);
        b.Property(a => a.UserId).HasMaxLength(100);
        b.Property(a => a.ItemCode).HasMaxLength(20);
        b.Property(a => a.Power).HasMaxLength(20);
        b.Property(a => a.GrantedBy).HasMaxLength(100);
        b.Property(a => a.RevokedBy).HasMaxLength(100);
        b.HasIndex(a => a.UserId);
    }
}

/// <summary>A chief representative decides only within a valid written authorisation for the
/// case's item on the day of the decision.</summary>
public sealed class ChiefAuthorisationGuard(Persistence.AppDbContext db, BusinessClock time) : ICaseActionGuard
{
    public async Task CheckAsync(CaseRecord record, string action, CaseActor actor, CancellationToken ct)
    {
        // The power an action needs is on its descriptor ("decide": approve, deny, revoke, ...).
        if (actor.Role != Roles.ChiefRepresentative || ApprovalCenter.Cases.Actions.ActionCatalog.Find(action)?.Power != ChiefAuthorisation.DecidePower) return;
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Calendar.ServiceHours.ChinaStandardTime).DateTime);
        var lines = await db.Set<ChiefAuthorisation>().AsNoTracking()
            .Where(a => a.UserId == actor.UserId && a.Power == ChiefAuthorisation.DecidePower && a.RevokedAt == null).ToListAsync(ct);
        if (!lines.Any(a => a.Covers(record.ItemCode, today)))
            throw CaseException.Forbidden($"首席代表授权不包含事项“{record.ItemName}”（{record.ItemCode}）或已过期，不能作出该决定。请联系系统管理员核对授权。");
    }
}
