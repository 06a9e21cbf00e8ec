using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class GradeCache : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GradeCache",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Grader = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GradeJson = table.Column<string>(type: "TEXT", nullable: false),
                    OwnerKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeCache", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GradeCache_OwnerKey",
                table: "GradeCache",
                column: "OwnerKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GradeCache");
        }
    }
}
