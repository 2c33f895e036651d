using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Cases;

public enum CaseStatus { Draft = 0, Running = 1, Completed = 2 }


/// <summary>
/// One case (办件). The workflow instance and the clock events are stored whole (JSON) and are the
/// truth; the deadline and step columns are derived copies kept for queues and supervision queries.
/// PostgreSQL's xmin is the optimistic-concurrency token: of two clerks acting at once, one wins.
/// </summary>
public sealed class CaseRecord
{
    public Guid Id { get; set; }
    public string Number { get; set; } = "";
    public string ItemCode { get; set; } = "";
    public string ItemName { get; set; } = "";
    public string Department { get; set; } = "";
    public CaseMode Mode { get; set; }
    public string ProcessId { get; set; } = "";
    public CaseStatus Status { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Comma-separated current step ids, e.g. "review" or "review,awaiting-supplements".</summary>
    public string CurrentSteps { get; set; } = "";

    public string ApplicantId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    /// <summary>Credit code or ID number of the applicant.</summary>
    public string? ApplicantCode { get; set; }

    public int PromisedDays { get; set; }
    public int StatutoryDays { get; set; }
    public bool JointHandling { get; set; }
    /// <summary>The item's §1d, §2a and §2b settings copied at submission (<see cref="ApprovalCenter.Catalog.ItemTimeRules"/>), so a
    /// catalog edit never changes a running case and the timers and documents read one number.</summary>
    public int WarningRemainingDays { get; set; } = ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningRemainingDays;
    public int WarningUsedNumerator { get; set; } = ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningUsedNumerator;
    public int WarningUsedDenominator { get; set; } = ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningUsedDenominator;
    public int VerificationDays { get; set; } = ApprovalCenter.Catalog.ItemTimeRules.DefaultVerificationDays;
    /// <summary>容缺 supplement period in working days from acceptance; null is the promised limit.</summary>
    public int? ToleranceSupplementDays { get; set; }

    public ApprovalCenter.Catalog.ItemTimeRules TimeRules
    {
        get => new(WarningRemainingDays, WarningUsedNumerator, WarningUsedDenominator, VerificationDays, ToleranceSupplementDays);
        set => (WarningRemainingDays, WarningUsedNumerator, WarningUsedDenominator, VerificationDays, ToleranceSupplementDays) =
            (value.WarningRemainingDays, value.WarningUsedNumerator, value.WarningUsedDenominator, value.VerificationDays, value.ToleranceSupplementDays);
    }

    /// <summary>What the applicant declared: the application form's answers, validated against
    /// <see cref="ApprovalCenter.Cases.Actions.ActionCatalog.Submit"/>, and the applicant's delivery
    /// choice. Everything the engine and the bureau own (department, extension state, dates, ids,
    /// periods, document texts) lives in the workflow instance's data, never here.</summary>
    public string DataJson { get; set; } = "{}";
    public string InstanceJson { get; set; } = "";
    public string ClockEventsJson { get; set; } = "[]";

    public DateTimeOffset? ReceivedAt { get; set; }
    public DateOnly? IntakeDeadline { get; set; }
    public DateOnly? PromisedDeadline { get; set; }
    public DateOnly? StatutoryDeadline { get; set; }
    public DateOnly? DeliveryDeadline { get; set; }
    public string ClockState { get; set; } = "Normal";
    public bool DeadlinesProvisional { get; set; }
    public string? CalendarFingerprint { get; set; }

    public Guid? ParentCaseId { get; set; }
    public string? ChildKey { get; set; }
    /// <summary>A bureau agent acting for the applicant (代办帮办), when there is one.</summary>
    public string? AgentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public uint RowVersion { get; set; }

    public IReadOnlyList<string> Steps => CurrentSteps.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class CaseRecordConfiguration : IEntityTypeConfiguration<CaseRecord>
{
    public void Configure(EntityTypeBuilder<CaseRecord> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Number).HasMaxLength(20);
        b.Property(c => c.ItemCode).HasMaxLength(20);
        b.Property(c => c.ItemName).HasMaxLength(200);
        b.Property(c => c.Department).HasMaxLength(20);
        b.Property(c => c.ProcessId).HasMaxLength(100);
        b.Property(c => c.Outcome).HasMaxLength(50);
        b.Property(c => c.CurrentSteps).HasMaxLength(500);
        b.Property(c => c.ApplicantId).HasMaxLength(100);
        b.Property(c => c.ApplicantName).HasMaxLength(200);
        b.Property(c => c.ApplicantCode).HasMaxLength(30);
        b.Property(c => c.ClockState).HasMaxLength(30);
        b.Property(c => c.CalendarFingerprint).HasMaxLength(100);
        b.Property(c => c.ChildKey).HasMaxLength(100);
        b.Property(c => c.AgentId).HasMaxLength(100);
        b.Property(c => c.DataJson).HasColumnType("jsonb");
        b.Property(c => c.InstanceJson).HasColumnType("jsonb");
        b.Property(c => c.ClockEventsJson).HasColumnType("jsonb");
        b.Ignore(c => c.TimeRules);
        // Cases from before per-item settings keep the defaults of rules.md.
        b.Property(c => c.WarningRemainingDays).HasDefaultValue(ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningRemainingDays);
        b.Property(c => c.WarningUsedNumerator).HasDefaultValue(ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningUsedNumerator);
        b.Property(c => c.WarningUsedDenominator).HasDefaultValue(ApprovalCenter.Catalog.ItemTimeRules.DefaultWarningUsedDenominator);
        b.Property(c => c.VerificationDays).HasDefaultValue(ApprovalCenter.Catalog.ItemTimeRules.DefaultVerificationDays);
        b.Property(c => c.RowVersion).IsRowVersion();
        b.HasIndex(c => new { c.ApplicantId, c.CreatedAt });
        b.HasIndex(c => new { c.Status, c.Department });
        b.HasIndex(c => c.ParentCaseId);
        b.HasIndex(c => c.DeadlinesProvisional).HasFilter("\"DeadlinesProvisional\"");
        // The supervisor's deadline board (issue 12, bench/supervision): running cases by clock state, and receipts per week.
        b.HasIndex(c => new { c.ClockState, c.Department }).HasFilter("\"Status\" = 1").HasDatabaseName("IX_cases_running_ClockState_Department");
        b.HasIndex(c => c.ReceivedAt).IncludeProperties(c => new { c.ClockState, c.Department, c.ItemCode, c.Mode });
    }
}

/// <summary>A credit record: a false commitment blocks the applicant from the commitment and
/// tolerance modes (rules.md §2a–§2b).</summary>
public sealed class CreditRecord
{
    public long Id { get; set; }
    public string ApplicantId { get; set; } = "";
    public string? CaseNumber { get; set; }
    public string Reason { get; set; } = "";
    public bool BlocksSpecialModes { get; set; } = true;
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

internal sealed class CreditRecordConfiguration : IEntityTypeConfiguration<CreditRecord>
{
    public void Configure(EntityTypeBuilder<CreditRecord> b)
    {
        b.ToTable("credit_records");
        b.HasKey(c => c.Id);
        b.Property(c => c.ApplicantId).HasMaxLength(100);
        b.Property(c => c.CaseNumber).HasMaxLength(20);
        b.Property(c => c.CreatedBy).HasMaxLength(100);
        b.HasIndex(c => c.ApplicantId);
    }
}
