using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnresolvedMatters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unresolved_hotline_outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PayloadJson = table.Column<string>(type: "text", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unresolved_hotline_outbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unresolved_matters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PersonName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WhatTried = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    WhereFailed = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FailedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DepartmentsInvolved = table.Column<List<string>>(type: "text[]", nullable: false),
                    Exclusion = table.Column<int>(type: "integer", nullable: false),
                    ExclusionNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ClosingDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    WarningOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Warned = table.Column<bool>(type: "boolean", nullable: false),
                    Escalated = table.Column<bool>(type: "boolean", nullable: false),
                    Answer = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Satisfied = table.Column<bool>(type: "boolean", nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DaysToClose = table.Column<int>(type: "integer", nullable: true),
                    Reopens = table.Column<int>(type: "integer", nullable: false),
                    ReceivedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unresolved_matters", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "unresolved_number_counters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unresolved_number_counters", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "unresolved_journal",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unresolved_journal", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unresolved_journal_unresolved_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "unresolved_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "unresolved_parties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MatterId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "integer", nullable: true),
                    DispatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Reply = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RepliedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_unresolved_parties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_unresolved_parties_unresolved_matters_MatterId",
                        column: x => x.MatterId,
                        principalTable: "unresolved_matters",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_hotline_outbox_PartyId",
                table: "unresolved_hotline_outbox",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_hotline_outbox_Status_NextAttemptAt",
                table: "unresolved_hotline_outbox",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_journal_MatterId_At",
                table: "unresolved_journal",
                columns: new[] { "MatterId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_matters_ApplicantUserId",
                table: "unresolved_matters",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_matters_Number",
                table: "unresolved_matters",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_matters_Status_ClosingDeadline",
                table: "unresolved_matters",
                columns: new[] { "Status", "ClosingDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_unresolved_parties_MatterId",
                table: "unresolved_parties",
                column: "MatterId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unresolved_hotline_outbox");

            migrationBuilder.DropTable(
                name: "unresolved_journal");

            migrationBuilder.DropTable(
                name: "unresolved_number_counters");

            migrationBuilder.DropTable(
                name: "unresolved_parties");

            migrationBuilder.DropTable(
                name: "unresolved_matters");
        }
    }
}
