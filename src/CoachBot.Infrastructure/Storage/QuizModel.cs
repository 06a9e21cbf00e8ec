using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using static CoachBot.Infrastructure.Storage.CoachBotDbContext;

namespace CoachBot.Infrastructure.Storage;

/// <summary>The quiz tables of <see cref="CoachBotDbContext"/>.</summary>
internal static class QuizModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuizEntity>(e =>
        {
            e.ToTable("Quizzes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.PlaceKey).HasMaxLength(KeyLength);
            e.Property(x => x.TimeZoneId).HasMaxLength(IdLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(EnumLength);
            e.Property(x => x.CreatedBy).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.PlaceKey);
        });

        modelBuilder.Entity<QuizMemberEntity>(e =>
        {
            e.ToTable("QuizMembers");
            e.HasKey(x => new { x.QuizId, x.UserKey });
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);
            e.Property(x => x.UserId).HasMaxLength(KeyLength);
            e.Property(x => x.UserName).HasMaxLength(KeyLength);
            e.HasIndex(x => x.UserKey);
        });

        modelBuilder.Entity<QuizAnswerEntity>(e =>
        {
            e.ToTable("QuizAnswers");
            e.HasKey(x => x.Seq);
            e.Property(x => x.Seq).ValueGeneratedOnAdd();
            e.Property(x => x.UserKey).HasMaxLength(UserKeyLength);

            // One answer per member and question: a second message never replaces the first.
            e.HasIndex(x => new { x.QuizId, x.QuestionIndex, x.UserKey }).IsUnique();
            e.HasIndex(x => x.UserKey);
        });
    }
}
