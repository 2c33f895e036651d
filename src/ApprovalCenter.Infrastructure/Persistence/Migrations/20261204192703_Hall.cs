using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Hall : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hall_appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    ServiceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Slot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReminderSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_appointments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_calls",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TicketNumber = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    CounterId = table.Column<int>(type: "integer", nullable: false),
                    CounterName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_counters",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hours = table.Column<int>(type: "integer", nullable: false),
                    ServiceIds = table.Column<string[]>(type: "text[]", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_counters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Subject = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: true),
                    Summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_services",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    Link = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Bookable = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_services", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Normal = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AfterHours = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Saturday = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Closures = table.Column<DateOnly[]>(type: "date[]", nullable: false),
                    MaxRecalls = table.Column<int>(type: "integer", nullable: false),
                    NoShowThreshold = table.Column<int>(type: "integer", nullable: false),
                    NoShowWindowDays = table.Column<int>(type: "integer", nullable: false),
                    NoShowBlockDays = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_ticket_numbers",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    QueueId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_ticket_numbers", x => new { x.Day, x.QueueId });
                });

            migrationBuilder.CreateTable(
                name: "hall_tickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QueueId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ForCounterId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SortSlot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    WaitingSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CounterId = table.Column<int>(type: "integer", nullable: true),
                    CalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Recalls = table.Column<int>(type: "integer", nullable: false),
                    ApplicantUserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    IdNumber = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    AppointmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedIn = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_tickets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hall_work_profiles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    QueueIds = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_work_profiles", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "hall_counter_sessions",
                columns: table => new
                {
                    CounterId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_counter_sessions", x => x.CounterId);
                    table.ForeignKey(
                        name: "FK_hall_counter_sessions_hall_counters_CounterId",
                        column: x => x.CounterId,
                        principalTable: "hall_counters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hall_queues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ServiceId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    SlotMinutes = table.Column<int>(type: "integer", nullable: false),
                    TypicalServiceMinutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_queues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hall_queues_hall_services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "hall_services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hall_visit_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LinkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LinkedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_visit_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hall_visit_cases_hall_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "hall_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hall_visit_legs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TicketId = table.Column<Guid>(type: "uuid", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    QueueId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    WaitFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CounterId = table.Column<int>(type: "integer", nullable: true),
                    CounterHours = table.Column<int>(type: "integer", nullable: true),
                    ClerkId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClerkName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ServiceStart = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hall_visit_legs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hall_visit_legs_hall_tickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "hall_tickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hall_appointments_Code",
                table: "hall_appointments",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_appointments_ServiceId_Slot_Status",
                table: "hall_appointments",
                columns: new[] { "ServiceId", "Slot", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_hall_appointments_UserId_Day",
                table: "hall_appointments",
                columns: new[] { "UserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_hall_counter_sessions_UserId",
                table: "hall_counter_sessions",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_journal_Subject_Id",
                table: "hall_journal",
                columns: new[] { "Subject", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_hall_journal_TicketId",
                table: "hall_journal",
                column: "TicketId");

            migrationBuilder.CreateIndex(
                name: "IX_hall_queues_Prefix",
                table: "hall_queues",
                column: "Prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_queues_ServiceId",
                table: "hall_queues",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_hall_tickets_Code",
                table: "hall_tickets",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_tickets_Day_Number",
                table: "hall_tickets",
                columns: new[] { "Day", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_tickets_Day_QueueId_Status_SortSlot_Priority_IssuedAt",
                table: "hall_tickets",
                columns: new[] { "Day", "QueueId", "Status", "SortSlot", "Priority", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_hall_visit_cases_CaseNumber",
                table: "hall_visit_cases",
                column: "CaseNumber");

            migrationBuilder.CreateIndex(
                name: "IX_hall_visit_cases_TicketId_CaseNumber",
                table: "hall_visit_cases",
                columns: new[] { "TicketId", "CaseNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_hall_visit_legs_TicketId_Seq",
                table: "hall_visit_legs",
                columns: new[] { "TicketId", "Seq" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hall_appointments");

            migrationBuilder.DropTable(
                name: "hall_calls");

            migrationBuilder.DropTable(
                name: "hall_counter_sessions");

            migrationBuilder.DropTable(
                name: "hall_journal");

            migrationBuilder.DropTable(
                name: "hall_queues");

            migrationBuilder.DropTable(
                name: "hall_settings");

            migrationBuilder.DropTable(
                name: "hall_ticket_numbers");

            migrationBuilder.DropTable(
                name: "hall_visit_cases");

            migrationBuilder.DropTable(
                name: "hall_visit_legs");

            migrationBuilder.DropTable(
                name: "hall_work_profiles");

            migrationBuilder.DropTable(
                name: "hall_counters");

            migrationBuilder.DropTable(
                name: "hall_services");

            migrationBuilder.DropTable(
                name: "hall_tickets");
        }
    }
}
