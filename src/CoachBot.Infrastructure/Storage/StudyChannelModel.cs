using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using static CoachBot.Infrastructure.Storage.CoachBotDbContext;

namespace CoachBot.Infrastructure.Storage;

/// <summary>The study-channel tables of <see cref="CoachBotDbContext"/> (kept apart so the context stays small).</summary>
internal static class StudyChannelModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StudyPlaceEntity>(e =>
        {
            e.ToTable("StudyPlaces");
            e.HasKey(x => x.PlaceKey);
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.ChannelId).HasMaxLength(IdLength);
            e.Property(x => x.ConversationId).HasMaxLength(KeyLength);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(EnumLength);
            e.Property(x => x.ServiceUrl).HasMaxLength(LongKeyLength);
            e.Property(x => x.TenantId).HasMaxLength(IdLength);
            e.Property(x => x.TeamId).HasMaxLength(IdLength);
            e.Property(x => x.TeamsChannelId).HasMaxLength(IdLength);
            e.Property(x => x.BotId).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(KeyLength);
            e.Property(x => x.Feedback).HasConversion<string>().HasMaxLength(EnumLength);
        });

        modelBuilder.Entity<DailyScheduleEntity>(e =>
        {
            e.ToTable("DailySchedules");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.TimeZoneId).HasMaxLength(IdLength);
            e.Property(x => x.Days).HasMaxLength(IdLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.CreatedBy).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.PlaceKey);
        });

        modelBuilder.Entity<DailyPromptEntity>(e =>
        {
            e.ToTable("DailyPrompts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.QuestionId).HasMaxLength(IdLength);
            e.Property(x => x.ThreadId).HasMaxLength(LongKeyLength);
            e.Property(x => x.PostId).HasMaxLength(KeyLength);

            // An occurrence posts at most once. PlaceKey is part of the key only for "run now" prompts, which all
            // share ScheduleId = Guid.Empty: two places running one at the same instant must not collide.
            e.HasIndex(x => new { x.ScheduleId, x.OccurrenceUtc, x.PlaceKey }).IsUnique();
            e.HasIndex(x => x.ThreadId);
            e.HasIndex(x => new { x.PlaceKey, x.PostId });
        });

        modelBuilder.Entity<ChannelAnswerEntity>(e =>
        {
            e.ToTable("ChannelAnswers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.Property(x => x.UserName).HasMaxLength(KeyLength);
            e.Property(x => x.MessageId).HasMaxLength(KeyLength);
            e.HasIndex(x => new { x.PromptId, x.MessageId }).IsUnique().HasFilter("\"MessageId\" IS NOT NULL");
            e.HasIndex(x => x.PlaceKey);
            e.HasIndex(x => x.UserKey);
        });

        modelBuilder.Entity<ChannelMemberEntity>(e =>
        {
            e.ToTable("ChannelMembers");
            e.HasKey(x => new { x.PlaceKey, x.UserKey });
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.UserKey);
        });

        modelBuilder.Entity<DeliveryEntity>(e =>
        {
            e.ToTable("Deliveries");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(LongKeyLength);
            e.Property(x => x.Kind).HasMaxLength(IdLength);
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(EnumLength);
            e.Property(x => x.LastError).HasMaxLength(KeyLength);
            e.Property(x => x.ThreadId).HasMaxLength(LongKeyLength);
            e.HasIndex(x => x.State);
        });
    }
}
