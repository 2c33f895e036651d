using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RatingsAndSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rating_appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Ground = table.Column<int>(type: "integer", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_appeals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rating_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkOrderId = table.Column<long>(type: "bigint", nullable: true),
                    AppealId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Summary = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rating_offers",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HandlerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandlerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Counter = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    DeliveredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DefaultDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_offers", x => x.CaseId);
                });

            migrationBuilder.CreateTable(
                name: "rating_work_orders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RatingId = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandlerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandlerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Step = table.Column<int>(type: "integer", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallbackDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RectificationDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RectificationCapAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CallbackAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CallbackOutcome = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ComplaintValid = table.Column<bool>(type: "boolean", nullable: true),
                    VerificationNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RectifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RectificationText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportText = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RaterView = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CallbackWarned = table.Column<bool>(type: "boolean", nullable: false),
                    CallbackEscalated = table.Column<bool>(type: "boolean", nullable: false),
                    RectificationOverdue = table.Column<bool>(type: "boolean", nullable: false),
                    CapEscalated = table.Column<bool>(type: "boolean", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rating_work_orders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ratings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    CaseNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    HallVisitLegId = table.Column<Guid>(type: "uuid", nullable: true),
                    ItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Department = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HandlerId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandlerName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Counter = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    Reasons = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    RaterId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RaterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    RatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Excluded = table.Column<bool>(type: "boolean", nullable: false),
                    ExcludedReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ratings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cases_ReceivedAt",
                table: "cases",
                column: "ReceivedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "ClockState", "Department", "ItemCode", "Mode" });

            migrationBuilder.CreateIndex(
                name: "IX_cases_running_ClockState_Department",
                table: "cases",
                columns: new[] { "ClockState", "Department" },
                filter: "\"Status\" = 1");

            migrationBuilder.CreateIndex(
                name: "IX_rating_appeals_RatingId",
                table: "rating_appeals",
                column: "RatingId",
                unique: true,
                filter: "\"Status\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_rating_appeals_Status_FiledAt",
                table: "rating_appeals",
                columns: new[] { "Status", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_rating_journal_RatingId_Id",
                table: "rating_journal",
                columns: new[] { "RatingId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_rating_journal_WorkOrderId",
                table: "rating_journal",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_rating_offers_CaseNumber",
                table: "rating_offers",
                column: "CaseNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rating_offers_DeliveredAt",
                table: "rating_offers",
                column: "DeliveredAt");

            migrationBuilder.CreateIndex(
                name: "IX_rating_work_orders_HandlerId",
                table: "rating_work_orders",
                column: "HandlerId");

            migrationBuilder.CreateIndex(
                name: "IX_rating_work_orders_RatingId",
                table: "rating_work_orders",
                column: "RatingId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rating_work_orders_Step_OpenedAt",
                table: "rating_work_orders",
                columns: new[] { "Step", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_CaseId",
                table: "ratings",
                column: "CaseId",
                unique: true,
                filter: "\"Service\" = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_Department_RatedAt",
                table: "ratings",
                columns: new[] { "Department", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_HallVisitLegId",
                table: "ratings",
                column: "HallVisitLegId",
                unique: true,
                filter: "\"HallVisitLegId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ratings_HandlerId_RatedAt",
                table: "ratings",
                columns: new[] { "HandlerId", "RatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ratings_RatedAt",
                table: "ratings",
                column: "RatedAt")
                .Annotation("Npgsql:IndexInclude", new[] { "Level", "IsDefault", "Excluded" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rating_appeals");

            migrationBuilder.DropTable(
                name: "rating_journal");

            migrationBuilder.DropTable(
                name: "rating_offers");

            migrationBuilder.DropTable(
                name: "rating_work_orders");

            migrationBuilder.DropTable(
                name: "ratings");

            migrationBuilder.DropIndex(
                name: "IX_cases_ReceivedAt",
                table: "cases");

            migrationBuilder.DropIndex(
                name: "IX_cases_running_ClockState_Department",
                table: "cases");
        }
    }
}
