using ApprovalCenter.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Notifications;

/// <summary>An entry in a user's in-app inbox: something in their case they must know about
/// (accepted, materials missing, decided, ready for collection…). The inbox is the record that
/// they were told; the mail is a courtesy copy.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Site-relative link to the thing it is about, e.g. the case page.</summary>
    public string? Link { get; set; }
    public string? CaseNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.HasKey(n => n.Id);
        b.Property(n => n.UserId).HasMaxLength(450);
        b.Property(n => n.Title).HasMaxLength(200);
        b.Property(n => n.Body).HasMaxLength(4000);
        b.Property(n => n.Link).HasMaxLength(500);
        b.Property(n => n.CaseNumber).HasMaxLength(40);
        // A user's inbox goes with their account.
        b.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The inbox lists newest first per user; the layout badge counts unread per user on every page,
        // so it gets a small partial index of only the unread rows.
        b.HasIndex(n => new { n.UserId, n.CreatedAt });
        b.HasIndex(n => n.UserId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_notifications_UserId_unread");
        b.HasIndex(n => n.CaseNumber);
    }
}
