using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BackgroundJobsOnHangfire : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Quartz is gone (Hangfire runs all background work): drop its clustered-store tables where an
            // earlier release created them. Hangfire's own schema is installed by DatabaseMigrator.
            foreach (var table in new[] { "qrtz_fired_triggers", "qrtz_paused_trigger_grps", "qrtz_scheduler_state", "qrtz_locks",
                         "qrtz_simple_triggers", "qrtz_cron_triggers", "qrtz_simprop_triggers", "qrtz_blob_triggers", "qrtz_triggers",
                         "qrtz_job_details", "qrtz_calendars" })
                migrationBuilder.Sql($"DROP TABLE IF EXISTS {table} CASCADE;");

            migrationBuilder.AddColumn<string>(
                name: "JobId",
                table: "scheduled_timers",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RetryAt",
                table: "scheduled_timers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "admin_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Ip = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true),
                    DataJson = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admin_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "business_clock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    OffsetTicks = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_business_clock", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timer_probe_effects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Generation = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FiredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RealAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timer_probe_effects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admin_journal_Subject_Id",
                table: "admin_journal",
                columns: new[] { "Subject", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_timer_probe_effects_Key",
                table: "timer_probe_effects",
                column: "Key");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admin_journal");

            migrationBuilder.DropTable(
                name: "business_clock");

            migrationBuilder.DropTable(
                name: "timer_probe_effects");

            migrationBuilder.DropColumn(
                name: "JobId",
                table: "scheduled_timers");

            migrationBuilder.DropColumn(
                name: "RetryAt",
                table: "scheduled_timers");
        }
    }
}
