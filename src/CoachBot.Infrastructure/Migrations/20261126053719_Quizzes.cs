using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class Quizzes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "QuizAnswers",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeJson = table.Column<string>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAnswers", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "QuizMembers",
                columns: table => new
                {
                    QuizId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizMembers", x => new { x.QuizId, x.UserKey });
                });

            migrationBuilder.CreateTable(
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    StartUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    QuestionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesPerQuestion = table.Column<int>(type: "INTEGER", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionIds = table.Column<string>(type: "TEXT", nullable: false),
                    CurrentIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quizzes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAnswers_QuizId_QuestionIndex_UserKey",
                table: "QuizAnswers",
                columns: new[] { "QuizId", "QuestionIndex", "UserKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAnswers_UserKey",
                table: "QuizAnswers",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_QuizMembers_UserKey",
                table: "QuizMembers",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_Quizzes_PlaceKey",
                table: "Quizzes",
                column: "PlaceKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "QuizAnswers");

            migrationBuilder.DropTable(
                name: "QuizMembers");

            migrationBuilder.DropTable(
                name: "Quizzes");
        }
    }
}
