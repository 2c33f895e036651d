using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class HearingsAndRenewals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "licences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    HolderId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HolderName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RenewalCaseNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_licences", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_licences_HolderId",
                table: "licences",
                column: "HolderId");

            migrationBuilder.CreateIndex(
                name: "IX_licences_Number",
                table: "licences",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "licences");
        }
    }
}
