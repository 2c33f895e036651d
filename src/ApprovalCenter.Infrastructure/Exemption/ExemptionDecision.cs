using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Exemption;

/// <summary>An exemption decided at self-check, instead of a case (rules.md §2c): the rule and the
/// catalog revision it was decided under, the answers, the applicant, and the sealed notice
/// (an <see cref="ApprovalCenter.Cases.IssuedDocument"/> without a case, which /verify finds).</summary>
public sealed class ExemptionDecision
{
    public Guid Id { get; set; }
    /// <summary>HM + date + serial: the notice's number prefix, shown where a case number would be.</summary>
    public string Number { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string RuleId { get; set; } = "";
    public string RuleCategory { get; set; } = "";
    public string RuleCondition { get; set; } = "";
    public string ExemptedStep { get; set; } = "";
    public int CatalogRevision { get; set; }
    public string ApplicantId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string? ApplicantCode { get; set; }
    public string AnswersJson { get; set; } = "{}";
    public DateTimeOffset DecidedAt { get; set; }
    public Guid DocumentId { get; set; }
}

internal sealed class ExemptionDecisionConfiguration : IEntityTypeConfiguration<ExemptionDecision>
{
    public void Configure(EntityTypeBuilder<ExemptionDecision> b)
    {
        b.ToTable("exemption_decisions");
        b.HasKey(d => d.Id);
        b.HasIndex(d => d.Number).IsUnique();
        b.HasIndex(d => d.ApplicantId);
        b.HasIndex(d => d.DocumentId).IsUnique();
        b.Property(d => d.Number).HasMaxLength(20);
        b.Property(d => d.ItemCode).HasMaxLength(40);
        b.Property(d => d.ItemName).HasMaxLength(200);
        b.Property(d => d.RuleId).HasMaxLength(100);
        b.Property(d => d.RuleCategory).HasMaxLength(200);
        b.Property(d => d.RuleCondition).HasMaxLength(500);
        b.Property(d => d.ExemptedStep).HasMaxLength(200);
        b.Property(d => d.ApplicantId).HasMaxLength(100);
        b.Property(d => d.ApplicantName).HasMaxLength(200);
        b.Property(d => d.ApplicantCode).HasMaxLength(40);
        b.Property(d => d.AnswersJson).HasColumnType("jsonb");
    }
}
