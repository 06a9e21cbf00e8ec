using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoachBot.Infrastructure.Migrations
{
    /// <inheritdoc />
    public partial class StudyChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PromptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Answer = table.Column<string>(type: "TEXT", nullable: false),
                    Overall = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelMembers",
                columns: table => new
                {
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    UserKey = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    NamedInRecaps = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelMembers", x => new { x.PlaceKey, x.UserKey });
                });

            migrationBuilder.CreateTable(
                name: "DailyPrompts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    OccurrenceUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    RecapDueUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    RecapSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailySchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    LocalTime = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    TimeZoneId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Days = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SetId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SkipDates = table.Column<string>(type: "TEXT", nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    DueUtc = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "StudyPlaces",
                columns: table => new
                {
                    PlaceKey = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ServiceUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TeamId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TeamsChannelId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BotId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Feedback = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPlaces", x => x.PlaceKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAnswers_PlaceKey",
                table: "ChannelAnswers",
                column: "PlaceKey");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAnswers_PromptId_MessageId",
                table: "ChannelAnswers",
                columns: new[] { "PromptId", "MessageId" },
                unique: true,
                filter: "\"MessageId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAnswers_UserKey",
                table: "ChannelAnswers",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMembers_UserKey",
                table: "ChannelMembers",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_PlaceKey",
                table: "DailyPrompts",
                column: "PlaceKey");

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_ScheduleId_OccurrenceUtc_PlaceKey",
                table: "DailyPrompts",
                columns: new[] { "ScheduleId", "OccurrenceUtc", "PlaceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_ThreadId",
                table: "DailyPrompts",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_DailySchedules_PlaceKey",
                table: "DailySchedules",
                column: "PlaceKey");

            migrationBuilder.CreateIndex(
                name: "IX_Deliveries_State",
                table: "Deliveries",
                column: "State");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelAnswers");

            migrationBuilder.DropTable(
                name: "ChannelMembers");

            migrationBuilder.DropTable(
                name: "DailyPrompts");

            migrationBuilder.DropTable(
                name: "DailySchedules");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "StudyPlaces");
        }
    }
}
