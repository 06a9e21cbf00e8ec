using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Admin : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedBy",
                table: "QuestionSetVersions",
                type: "TEXT",
                maxLength: 512,
                nullable: false,
                defaultValue: "system"); // versions stored before this migration were seeded at start

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "QuestionSetVersions",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdminGrants",
                columns: table => new
                {
                    UserIdKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    GrantedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    GrantedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminGrants", x => x.UserIdKey);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Via = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    BeforeVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    AfterVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SetAssignments",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetAssignments", x => new { x.Scope, x.ScopeKey });
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Target",
                table: "AuditLog",
                column: "Target");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminGrants");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "SetAssignments");

            migrationBuilder.DropColumn(
                name: "CreatedBy",
                table: "QuestionSetVersions");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "QuestionSetVersions");
        }
    }
}
