using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ApprovalCenter.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RatingsAndSupervision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Counter",
                table: "rating_offers",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerId",
                table: "rating_offers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HandlerName",
                table: "rating_offers",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ItemName",
                table: "rating_offers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Counter",
                table: "rating_offers");

            migrationBuilder.DropColumn(
                name: "HandlerId",
                table: "rating_offers");

            migrationBuilder.DropColumn(
                name: "HandlerName",
                table: "rating_offers");

            migrationBuilder.DropColumn(
                name: "ItemName",
                table: "rating_offers");
        }
    }
}
