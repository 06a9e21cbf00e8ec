using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class PromptPostId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailyPrompts_PlaceKey",
                table: "DailyPrompts");

            migrationBuilder.AddColumn<string>(
                name: "PostId",
                table: "DailyPrompts",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_PlaceKey_PostId",
                table: "DailyPrompts",
                columns: new[] { "PlaceKey", "PostId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DailyPrompts_PlaceKey_PostId",
                table: "DailyPrompts");

            migrationBuilder.DropColumn(
                name: "PostId",
                table: "DailyPrompts");

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_PlaceKey",
                table: "DailyPrompts",
                column: "PlaceKey");
        }
    }
}
