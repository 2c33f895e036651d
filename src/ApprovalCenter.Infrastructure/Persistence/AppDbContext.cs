using ApprovalCenter.Cases;
using ApprovalCenter.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ApprovalCenter.Persistence;

/// <summary>The one database context. Each capability configures its own tables through an
/// IEntityTypeConfiguration in its own folder; they are all picked up here.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardCaseWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardCaseWrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Only the case command handler writes the cases table (issue 9): see <see cref="CaseWriteScope"/>.</summary>
    private void GuardCaseWrites()
    {
        if (CaseWriteScope.Active) return;
        if (ChangeTracker.Entries<CaseRecord>().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("办件数据只能由 CaseService 写入（CaseRecord changed outside CaseWriteScope).");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
