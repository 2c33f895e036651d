using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ExemptionNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "issued_documents",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "exemption_decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ItemName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RuleCategory = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RuleCondition = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ExemptedStep = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CatalogRevision = table.Column<int>(type: "integer", nullable: false),
                    ApplicantId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ApplicantCode = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AnswersJson = table.Column<string>(type: "jsonb", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exemption_decisions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exemption_decisions_ApplicantId",
                table: "exemption_decisions",
                column: "ApplicantId");

            migrationBuilder.CreateIndex(
                name: "IX_exemption_decisions_DocumentId",
                table: "exemption_decisions",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_exemption_decisions_Number",
                table: "exemption_decisions",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exemption_decisions");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "issued_documents",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
