using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoachBot.Infrastructure.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdminGrants",
                columns: table => new
                {
                    UserIdKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GrantedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminGrants", x => x.UserIdKey);
                });

            migrationBuilder.CreateTable(
                name: "ApiKeys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Attempts",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    SourceMessageId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    GradeJson = table.Column<string>(type: "text", nullable: false),
                    Grader = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attempts", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "AuditLog",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ActorName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Via = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Target = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    BeforeVersion = table.Column<int>(type: "integer", nullable: true),
                    AfterVersion = table.Column<int>(type: "integer", nullable: true),
                    Detail = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PromptId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    UserName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    MessageId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    GradeJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelAnswers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelMembers",
                columns: table => new
                {
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    NamedInRecaps = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelMembers", x => new { x.PlaceKey, x.UserKey });
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    ConversationKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ConversationType = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ServiceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ReferenceJson = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.ConversationKey);
                });

            migrationBuilder.CreateTable(
                name: "DailyPrompts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ScheduleId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    OccurrenceUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ThreadId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    PostId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    RecapDueUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecapSentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailyPrompts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DailySchedules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    LocalTime = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Days = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SkipDates = table.Column<string>(type: "text", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DailySchedules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Deliveries",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    Kind = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    DueUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    ThreadId = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deliveries", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "GradeCache",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Grader = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    GradeJson = table.Column<string>(type: "text", nullable: false),
                    OwnerKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GradeCache", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Learners",
                columns: table => new
                {
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Learners", x => x.UserKey);
                });

            migrationBuilder.CreateTable(
                name: "PracticeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "integer", nullable: false),
                    CurrentQuestionId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AskedQuestionIds = table.Column<string>(type: "text", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PracticeSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "QuestionSetVersions",
                columns: table => new
                {
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ContentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Note = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionSetVersions", x => new { x.SetId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "QuizAnswers",
                columns: table => new
                {
                    Seq = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuestionIndex = table.Column<int>(type: "integer", nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    Overall = table.Column<int>(type: "integer", nullable: false),
                    GradeJson = table.Column<string>(type: "text", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAnswers", x => x.Seq);
                });

            migrationBuilder.CreateTable(
                name: "QuizMembers",
                columns: table => new
                {
                    QuizId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserKey = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    UserId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    UserName = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizMembers", x => new { x.QuizId, x.UserKey });
                });

            migrationBuilder.CreateTable(
                name: "Quizzes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    StartUtc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TimeZoneId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    QuestionCount = table.Column<int>(type: "integer", nullable: false),
                    MinutesPerQuestion = table.Column<int>(type: "integer", nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SetVersion = table.Column<int>(type: "integer", nullable: false),
                    QuestionIds = table.Column<string>(type: "text", nullable: false),
                    CurrentIndex = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quizzes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SetAssignments",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ScopeKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    SetId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SetAssignments", x => new { x.Scope, x.ScopeKey });
                });

            migrationBuilder.CreateTable(
                name: "StateDocuments",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ETag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StateDocuments", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "StudyPlaces",
                columns: table => new
                {
                    PlaceKey = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    ChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TeamId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TeamsChannelId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    BotId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    Feedback = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyPlaces", x => x.PlaceKey);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiKeys_Hash",
                table: "ApiKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_Id",
                table: "Attempts",
                column: "Id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_SessionId",
                table: "Attempts",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_UserKey",
                table: "Attempts",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_At",
                table: "AuditLog",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditLog_Target",
                table: "AuditLog",
                column: "Target");

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
                name: "IX_Conversations_UserKey",
                table: "Conversations",
                column: "UserKey");

            migrationBuilder.CreateIndex(
                name: "IX_DailyPrompts_PlaceKey_PostId",
                table: "DailyPrompts",
                columns: new[] { "PlaceKey", "PostId" });

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

            migrationBuilder.CreateIndex(
                name: "IX_GradeCache_OwnerKey",
                table: "GradeCache",
                column: "OwnerKey");

            migrationBuilder.CreateIndex(
                name: "IX_PracticeSessions_UserKey",
                table: "PracticeSessions",
                column: "UserKey");

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
                name: "AdminGrants");

            migrationBuilder.DropTable(
                name: "ApiKeys");

            migrationBuilder.DropTable(
                name: "Attempts");

            migrationBuilder.DropTable(
                name: "AuditLog");

            migrationBuilder.DropTable(
                name: "ChannelAnswers");

            migrationBuilder.DropTable(
                name: "ChannelMembers");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "DailyPrompts");

            migrationBuilder.DropTable(
                name: "DailySchedules");

            migrationBuilder.DropTable(
                name: "Deliveries");

            migrationBuilder.DropTable(
                name: "GradeCache");

            migrationBuilder.DropTable(
                name: "Learners");

            migrationBuilder.DropTable(
                name: "PracticeSessions");

            migrationBuilder.DropTable(
                name: "QuestionSetVersions");

            migrationBuilder.DropTable(
                name: "QuizAnswers");

            migrationBuilder.DropTable(
                name: "QuizMembers");

            migrationBuilder.DropTable(
                name: "Quizzes");

            migrationBuilder.DropTable(
                name: "SetAssignments");

            migrationBuilder.DropTable(
                name: "StateDocuments");

            migrationBuilder.DropTable(
                name: "StudyPlaces");
        }
    }
}
