using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// The CoachBot database: learners, practice sessions, attempts, question set versions, conversation
/// records, chat-state documents, the grade cache and study channels (places, schedules, prompts, answers,
/// members, deliveries), quizzes (quizzes, members, answers), administration (grants, audit log, API keys, set assignments)
/// and the ASP.NET Core data-protection key ring (<see cref="DataProtectionKeys"/>). The model is provider-neutral (no provider-specific column types;
/// JSON payloads are plain text columns); provider differences are confined to
/// <see cref="ConfigureConventions"/>. This type carries the SQLite migrations; <see cref="PostgresCoachBotDbContext"/>
/// (the same model) carries the PostgreSQL ones.
/// </summary>
public class CoachBotDbContext : DbContext, IDataProtectionKeyContext
{
    /// <summary>Creates a context (SQLite; see <see cref="PostgresCoachBotDbContext"/> for PostgreSQL).</summary>
    /// <param name="options">The context options (provider and connection).</param>
    public CoachBotDbContext(DbContextOptions<CoachBotDbContext> options)
        : base(options)
    {
    }

    /// <summary>Creates a context of a derived type (one per provider, so that each has its own migrations).</summary>
    /// <param name="options">The context options (provider and connection).</param>
    protected CoachBotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Longest user key (<c>{channelId}:{userId}</c>).</summary>
    internal const int UserKeyLength = 512;

    /// <summary>Longest id of a set, question or similar short identifier.</summary>
    internal const int IdLength = 256;

    /// <summary>Longest state-document key or conversation key.</summary>
    internal const int KeyLength = 1024;

    /// <summary>Longest composite key (a delivery key embeds a place key) or thread id (a conversation id with a suffix).</summary>
    internal const int LongKeyLength = 2048;

    /// <summary>Longest enum name stored as text.</summary>
    internal const int EnumLength = 32;

    internal DbSet<LearnerEntity> Learners => Set<LearnerEntity>();

    internal DbSet<PracticeSessionEntity> PracticeSessions => Set<PracticeSessionEntity>();

    internal DbSet<AttemptEntity> Attempts => Set<AttemptEntity>();

    internal DbSet<QuestionSetVersionEntity> QuestionSetVersions => Set<QuestionSetVersionEntity>();

    internal DbSet<ConversationEntity> Conversations => Set<ConversationEntity>();

    internal DbSet<StateDocumentEntity> StateDocuments => Set<StateDocumentEntity>();

    internal DbSet<GradeCacheEntity> GradeCache => Set<GradeCacheEntity>();

    internal DbSet<StudyPlaceEntity> StudyPlaces => Set<StudyPlaceEntity>();

    internal DbSet<DailyScheduleEntity> DailySchedules => Set<DailyScheduleEntity>();

    internal DbSet<DailyPromptEntity> DailyPrompts => Set<DailyPromptEntity>();

    internal DbSet<ChannelAnswerEntity> ChannelAnswers => Set<ChannelAnswerEntity>();

    internal DbSet<ChannelMemberEntity> ChannelMembers => Set<ChannelMemberEntity>();

    internal DbSet<DeliveryEntity> Deliveries => Set<DeliveryEntity>();

    internal DbSet<QuizEntity> Quizzes => Set<QuizEntity>();

    internal DbSet<AdminGrantEntity> AdminGrants => Set<AdminGrantEntity>();

    internal DbSet<AuditEntryEntity> AuditLog => Set<AuditEntryEntity>();

    internal DbSet<ApiKeyEntity> ApiKeys => Set<ApiKeyEntity>();

    internal DbSet<SetAssignmentEntity> SetAssignments => Set<SetAssignmentEntity>();

    internal DbSet<QuizMemberEntity> QuizMembers => Set<QuizMemberEntity>();

    internal DbSet<QuizAnswerEntity> QuizAnswers => Set<QuizAnswerEntity>();

    /// <summary>
    /// The data-protection key ring (admin sign-in cookies, antiforgery tokens), shared by every instance on this
    /// database and kept across restarts. Written and read only by ASP.NET Core's key manager.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite has no date/time type: EF would store DateTimeOffset as ISO text, which it cannot
        // ORDER BY or compare. Store UTC ticks (INTEGER) instead. PostgreSQL keeps its native timestamptz,
        // which Npgsql only accepts with offset zero: every value (and every query parameter compared with
        // one) is converted to UTC first.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
        else if (Database.IsNpgsql())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        }
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<LearnerEntity>(e =>
        {
            e.ToTable("Learners");
            e.HasKey(x => x.UserKey);
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.Property(x => x.ChannelId).HasMaxLength(IdLength);
            e.Property(x => x.DisplayName).HasMaxLength(KeyLength);
        });

        modelBuilder.Entity<PracticeSessionEntity>(e =>
        {
            e.ToTable("PracticeSessions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.CurrentQuestionId).HasMaxLength(IdLength);
            e.HasIndex(x => x.UserKey);
        });

        modelBuilder.Entity<AttemptEntity>(e =>
        {
            e.ToTable("Attempts");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.Property(x => x.Id).ValueGeneratedNever();
            e.HasIndex(x => x.Id).IsUnique();
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.QuestionId).HasMaxLength(IdLength);
            e.Property(x => x.SourceMessageId).HasMaxLength(KeyLength);
            e.Property(x => x.Grader).HasMaxLength(IdLength);
            e.HasIndex(x => x.UserKey);
            e.HasIndex(x => x.SessionId);
        });

        modelBuilder.Entity<QuestionSetVersionEntity>(e =>
        {
            e.ToTable("QuestionSetVersions");
            e.HasKey(x => new { x.SetId, x.Version });
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.Version).ValueGeneratedNever();
            e.Property(x => x.Title).HasMaxLength(KeyLength);
            e.Property(x => x.CreatedBy).HasMaxLength(UserKeyLength);
            e.Property(x => x.Note).HasMaxLength(KeyLength);
        });

        modelBuilder.Entity<ConversationEntity>(e =>
        {
            e.ToTable("Conversations");
            e.HasKey(x => x.ConversationKey);
            e.Property(x => x.ConversationKey).HasMaxLength(KeyLength);
            e.Property(x => x.ChannelId).HasMaxLength(IdLength);
            e.Property(x => x.ConversationId).HasMaxLength(KeyLength);
            e.Property(x => x.ConversationType).HasMaxLength(IdLength);
            e.Property(x => x.ServiceUrl).HasMaxLength(2048);
            e.Property(x => x.TenantId).HasMaxLength(IdLength);
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.UserKey);
        });

        modelBuilder.Entity<StateDocumentEntity>(e =>
        {
            e.ToTable("StateDocuments");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(KeyLength);
            e.Property(x => x.ETag).HasMaxLength(64);
        });

        modelBuilder.Entity<GradeCacheEntity>(e =>
        {
            e.ToTable("GradeCache");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(64);
            e.Property(x => x.Grader).HasMaxLength(IdLength);
            e.Property(x => x.OwnerKey).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.OwnerKey);
        });

        modelBuilder.Entity<DataProtectionKey>(e => e.ToTable("DataProtectionKeys"));

        StudyChannelModel.Configure(modelBuilder);
        QuizModel.Configure(modelBuilder);
        AdminModel.Configure(modelBuilder);
    }
}
