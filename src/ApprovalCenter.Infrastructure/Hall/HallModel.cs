using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalCenter.Hall;

/// <summary>What a visitor comes for (综合受理, 企业开办 …). One queue per service.</summary>
public sealed class HallService
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>A page that serves this service instead of a case intake, e.g. /Windows/Unresolved for 办不成事.</summary>
    public string? Link { get; set; }
    public bool Bookable { get; set; } = true;
}

/// <summary>The queue of one service, with the ticket prefix (A012) and the numbers "call next" and the estimate use.</summary>
public sealed class HallQueue
{
    public string Id { get; set; } = "";
    public string ServiceId { get; set; } = "";
    public string Prefix { get; set; } = "";
    public int SlotMinutes { get; set; } = 30;
    public int TypicalServiceMinutes { get; set; } = 10;
}

/// <summary>A physical window (窗口): the services it may serve and which hours it keeps.</summary>
public sealed class HallCounter
{
    /// <summary>The window number shown and spoken ("3 号窗口").</summary>
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public HoursKind Hours { get; set; }
    public string[] ServiceIds { get; set; } = [];
    public bool Active { get; set; } = true;
}

/// <summary>Which queues a clerk's "call next" draws from, first queue first.</summary>
public sealed class StaffWorkProfile
{
    public string UserId { get; set; } = "";
    public string[] QueueIds { get; set; } = [];
}

/// <summary>A clerk signed in to a counter. Unique both ways: one clerk per counter, one counter per clerk.</summary>
public sealed class CounterSession
{
    public int CounterId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public DateTimeOffset Since { get; set; }
}

public enum TicketStatus { Waiting = 0, Called = 1, Serving = 2, Parked = 3, Done = 4, NoShow = 5 }
public enum TicketSource { Kiosk = 0, Online = 1, Appointment = 2, WalkIn = 3 }
public enum LegOutcome { Served = 0, Transferred = 1, Parked = 2, NoShow = 3 }

/// <summary>A visit: one ticket, its legs and the cases handled during it. Hall data is per day
/// (<see cref="Day"/>), but the rows stay: an open visit survives a restart and the reports read them.</summary>
public sealed class HallTicket
{
    public Guid Id { get; set; }
    /// <summary>Unguessable code of the phone page /Hall/Ticket/{code}.</summary>
    public string Code { get; set; } = "";
    public string Number { get; set; } = "";
    public DateOnly Day { get; set; }
    public string ServiceId { get; set; } = "";
    public string QueueId { get; set; } = "";
    /// <summary>A transfer to one counter: only that counter may call it.</summary>
    public int? ForCounterId { get; set; }
    public TicketStatus Status { get; set; }
    public TicketSource Source { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    /// <summary>Queue order (<see cref="QueueOrder"/>): slot, then appointments before walk-ins, then issue time.</summary>
    public DateTimeOffset SortSlot { get; set; }
    public int Priority { get; set; }
    /// <summary>When the ticket last joined its current queue (issue or transfer): the leg's wait starts here.</summary>
    public DateTimeOffset WaitingSince { get; set; }
    public int? CounterId { get; set; }
    public DateTimeOffset? CalledAt { get; set; }
    public int Recalls { get; set; }
    public string? ApplicantUserId { get; set; }
    public string? IdNumber { get; set; }
    public Guid? AppointmentId { get; set; }
    /// <summary>Which hours the issuing service kept then (after-hours and Saturday are reported apart).</summary>
    public HoursKind IssuedIn { get; set; }
    public uint Version { get; set; }
}

/// <summary>One leg of a visit: a wait at a queue, then service at a counter, ending in an outcome.
/// The id is stable: ratings (/Hall/Rate) refer to a leg.</summary>
public sealed class VisitLeg
{
    public Guid Id { get; set; }
    public Guid TicketId { get; set; }
    public int Seq { get; set; }
    public string QueueId { get; set; } = "";
    public DateTimeOffset WaitFrom { get; set; }
    public int? CounterId { get; set; }
    public HoursKind? CounterHours { get; set; }
    public string? ClerkId { get; set; }
    public string? ClerkName { get; set; }
    public DateTimeOffset? CalledAt { get; set; }
    public DateTimeOffset? ServiceStart { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public LegOutcome? Outcome { get; set; }
    public string? Note { get; set; }

    public TimeSpan? Wait => CalledAt - WaitFrom;
    public TimeSpan? ServiceTime => EndedAt - ServiceStart;
}

/// <summary>A case handled or opened during a visit.</summary>
public sealed class VisitCase
{
    public long Id { get; set; }
    public Guid TicketId { get; set; }
    public string CaseNumber { get; set; } = "";
    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
}

/// <summary>A call as the display shows it; the display's "latest calls" and the backplane's catch-up read these.</summary>
public sealed class HallCall
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string TicketNumber { get; set; } = "";
    public int CounterId { get; set; }
    public string CounterName { get; set; } = "";
    public string Text { get; set; } = "";
}

/// <summary>Who did what in the hall, when and why: tickets, counters and service hours.</summary>
public sealed class HallJournalEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Ticket number and day, "counter:3" or "hours".</summary>
    public string Subject { get; set; } = "";
    public Guid? TicketId { get; set; }
    public string Summary { get; set; } = "";
}

/// <summary>The hall's service hours and rules as data: one row, edited at /Admin/ServiceHours.</summary>
public sealed class HallSettings
{
    public int Id { get; set; } = 1;
    public string Normal { get; set; } = HallHours.FormatWindows(HallHours.Default.Normal);
    public string AfterHours { get; set; } = HallHours.FormatWindows(HallHours.Default.AfterHours);
    public string Saturday { get; set; } = HallHours.FormatWindows(HallHours.Default.Saturday);
    public DateOnly[] Closures { get; set; } = [];
    public int MaxRecalls { get; set; } = 2;
    public int NoShowThreshold { get; set; } = 3;
    public int NoShowWindowDays { get; set; } = 30;
    public int NoShowBlockDays { get; set; } = 30;
    public uint Version { get; set; }

    public HallHours ToHours() => new(HallHours.ParseWindows(Normal), HallHours.ParseWindows(AfterHours), HallHours.ParseWindows(Saturday), Closures.ToHashSet());
}

public enum AppointmentStatus { Booked = 0, Cancelled = 1, CheckedIn = 2, NoShow = 3 }

/// <summary>A booked slot for a service on a day.</summary>
public sealed class HallAppointment
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string UserId { get; set; } = "";
    public string? IdNumber { get; set; }
    public string ServiceId { get; set; } = "";
    public DateTimeOffset Slot { get; set; }
    public DateOnly Day { get; set; }
    public AppointmentStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReminderSentAt { get; set; }
    public Guid? TicketId { get; set; }
    public uint Version { get; set; }
}

internal sealed class HallConfigurations :
    IEntityTypeConfiguration<HallService>, IEntityTypeConfiguration<HallQueue>, IEntityTypeConfiguration<HallCounter>,
    IEntityTypeConfiguration<StaffWorkProfile>, IEntityTypeConfiguration<CounterSession>, IEntityTypeConfiguration<HallTicket>,
    IEntityTypeConfiguration<VisitLeg>, IEntityTypeConfiguration<VisitCase>, IEntityTypeConfiguration<HallCall>,
    IEntityTypeConfiguration<HallJournalEntry>, IEntityTypeConfiguration<HallSettings>, IEntityTypeConfiguration<HallAppointment>
{
    public void Configure(EntityTypeBuilder<HallService> b)
    {
        b.ToTable("hall_services");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.Name).HasMaxLength(100);
        b.Property(x => x.Link).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<HallQueue> b)
    {
        b.ToTable("hall_queues");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).HasMaxLength(40);
        b.Property(x => x.ServiceId).HasMaxLength(40);
        b.Property(x => x.Prefix).HasMaxLength(4);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasOne<HallService>().WithMany().HasForeignKey(x => x.ServiceId);
    }

    public void Configure(EntityTypeBuilder<HallCounter> b)
    {
        b.ToTable("hall_counters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<StaffWorkProfile> b)
    {
        b.ToTable("hall_work_profiles");
        b.HasKey(x => x.UserId);
        b.Property(x => x.UserId).HasMaxLength(100);
    }

    public void Configure(EntityTypeBuilder<CounterSession> b)
    {
        b.ToTable("hall_counter_sessions");
        b.HasKey(x => x.CounterId);
        b.Property(x => x.CounterId).ValueGeneratedNever();
        b.Property(x => x.UserId).HasMaxLength(100);
        b.Property(x => x.UserName).HasMaxLength(200);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasOne<HallCounter>().WithMany().HasForeignKey(x => x.CounterId);
    }

    public void Configure(EntityTypeBuilder<HallTicket> b)
    {
        b.ToTable("hall_tickets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(40);
        b.Property(x => x.Number).HasMaxLength(10);
        b.Property(x => x.ServiceId).HasMaxLength(40);
        b.Property(x => x.QueueId).HasMaxLength(40);
        b.Property(x => x.ApplicantUserId).HasMaxLength(100);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.Day, x.Number }).IsUnique();
        // "Call next" reads exactly this: the waiting tickets of a day and queue in queue order.
        b.HasIndex(x => new { x.Day, x.QueueId, x.Status, x.SortSlot, x.Priority, x.IssuedAt });
    }

    public void Configure(EntityTypeBuilder<VisitLeg> b)
    {
        b.ToTable("hall_visit_legs");
        b.HasKey(x => x.Id);
        b.Property(x => x.QueueId).HasMaxLength(40);
        b.Property(x => x.ClerkId).HasMaxLength(100);
        b.Property(x => x.ClerkName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(500);
        b.Ignore(x => x.Wait);
        b.Ignore(x => x.ServiceTime);
        b.HasIndex(x => new { x.TicketId, x.Seq }).IsUnique();
        b.HasOne<HallTicket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<VisitCase> b)
    {
        b.ToTable("hall_visit_cases");
        b.HasKey(x => x.Id);
        b.Property(x => x.CaseNumber).HasMaxLength(20);
        b.Property(x => x.LinkedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.TicketId, x.CaseNumber }).IsUnique();
        b.HasIndex(x => x.CaseNumber);
        b.HasOne<HallTicket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HallCall> b)
    {
        b.ToTable("hall_calls");
        b.HasKey(x => x.Id);
        b.Property(x => x.TicketNumber).HasMaxLength(10);
        b.Property(x => x.CounterName).HasMaxLength(100);
        b.Property(x => x.Text).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<HallJournalEntry> b)
    {
        b.ToTable("hall_journal");
        b.HasKey(x => x.Id);
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(40);
        b.Property(x => x.Subject).HasMaxLength(100);
        b.Property(x => x.Summary).HasMaxLength(1000);
        b.HasIndex(x => x.TicketId);
        b.HasIndex(x => new { x.Subject, x.Id });
    }

    public void Configure(EntityTypeBuilder<HallSettings> b)
    {
        b.ToTable("hall_settings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Normal).HasMaxLength(200);
        b.Property(x => x.AfterHours).HasMaxLength(200);
        b.Property(x => x.Saturday).HasMaxLength(200);
        b.Property(x => x.Version).IsRowVersion();
    }

    public void Configure(EntityTypeBuilder<HallAppointment> b)
    {
        b.ToTable("hall_appointments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(12);
        b.Property(x => x.UserId).HasMaxLength(100);
        b.Property(x => x.IdNumber).HasMaxLength(18);
        b.Property(x => x.ServiceId).HasMaxLength(40);
        b.Property(x => x.Version).IsRowVersion();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => new { x.ServiceId, x.Slot, x.Status });
        b.HasIndex(x => new { x.UserId, x.Day });
    }
}

/// <summary>The last ticket number of a queue on a day; incremented with one upsert, so two kiosks never print the same number.</summary>
public sealed class HallTicketNumber
{
    public DateOnly Day { get; set; }
    public string QueueId { get; set; } = "";
    public int Last { get; set; }
}

internal sealed class HallTicketNumberConfiguration : IEntityTypeConfiguration<HallTicketNumber>
{
    public void Configure(EntityTypeBuilder<HallTicketNumber> b)
    {
        b.ToTable("hall_ticket_numbers");
        b.HasKey(x => new { x.Day, x.QueueId });
        b.Property(x => x.QueueId).HasMaxLength(40);
    }
}
