using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using static CoachBot.Infrastructure.Storage.CoachBotDbContext;

namespace CoachBot.Infrastructure.Storage;

/// <summary>The administration tables of <see cref="CoachBotDbContext"/>: grants, the audit log, API keys and set assignments.</summary>
internal static class AdminModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AdminGrantEntity>(e =>
        {
            e.ToTable("AdminGrants");
            e.HasKey(x => x.UserIdKey);
            e.Property(x => x.UserIdKey).HasMaxLength(IdLength);
            e.Property(x => x.UserId).HasMaxLength(IdLength);
            e.Property(x => x.GrantedBy).HasMaxLength(UserKeyLength);
        });

        modelBuilder.Entity<AuditEntryEntity>(e =>
        {
            e.ToTable("AuditLog");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ActorId).HasMaxLength(UserKeyLength);
            e.Property(x => x.ActorName).HasMaxLength(KeyLength);
            e.Property(x => x.Via).HasConversion<string>().HasMaxLength(EnumLength);
            e.Property(x => x.Action).HasMaxLength(IdLength);
            e.Property(x => x.Target).HasMaxLength(KeyLength);
            e.Property(x => x.Detail).HasMaxLength(LongKeyLength);
            e.HasIndex(x => x.At);
            e.HasIndex(x => x.Target);
        });

        modelBuilder.Entity<ApiKeyEntity>(e =>
        {
            e.ToTable("ApiKeys");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Name).HasMaxLength(IdLength);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.Property(x => x.Prefix).HasMaxLength(16);
            e.Property(x => x.CreatedBy).HasMaxLength(UserKeyLength);
            e.HasIndex(x => x.Hash).IsUnique();
        });

        modelBuilder.Entity<SetAssignmentEntity>(e =>
        {
            e.ToTable("SetAssignments");
            e.HasKey(x => new { x.Scope, x.ScopeKey });
            e.Property(x => x.Scope).HasConversion<string>().HasMaxLength(EnumLength);
            e.Property(x => x.ScopeKey).HasMaxLength(KeyLength);
            e.Property(x => x.SetId).HasMaxLength(IdLength);
            e.Property(x => x.AssignedBy).HasMaxLength(UserKeyLength);
        });
    }
}
