using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IPracticeStore"/> on EF Core. Thread-safe (register as a singleton): every operation uses its
/// own short-lived context from the pooled factory.
/// </summary>
/// <param name="contexts">The context factory.</param>
public sealed class EfPracticeStore(IDbContextFactory<CoachBotDbContext> contexts) : IPracticeStore
{
    /// <inheritdoc />
    /// <remarks>Atomic: an existing profile is refreshed by one <c>UPDATE</c> (<c>LastSeen</c> only moves forward,
    /// a <c>null</c> display name keeps the stored one); a first touch inserts, and an insert that loses a race
    /// with a concurrent first touch is retried as the update.</remarks>
    public async Task TouchLearnerAsync(string userKey, string channelId, string? displayName, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(userKey);
        ArgumentNullException.ThrowIfNull(channelId);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var updated = await db.Learners
                .Where(l => l.UserKey == userKey)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(l => l.ChannelId, channelId)
                        .SetProperty(l => l.DisplayName, l => displayName ?? l.DisplayName)
                        .SetProperty(l => l.LastSeen, l => l.LastSeen > now ? l.LastSeen : now),
                    cancellationToken);
            if (updated > 0)
            {
                return;
            }

            db.Learners.Add(new LearnerEntity { UserKey = userKey, ChannelId = channelId, DisplayName = displayName, FirstSeen = now, LastSeen = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 4)
            {
                // A concurrent first touch inserted the profile: retry, which updates it.
            }
        }
    }

    /// <summary>The learner's profile, or <c>null</c> (not part of <see cref="IPracticeStore"/>).</summary>
    public async Task<LearnerProfile?> GetLearnerAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Learners.AsNoTracking().FirstOrDefaultAsync(l => l.UserKey == userKey, cancellationToken);
        return row is null ? null : new LearnerProfile(row.UserKey, row.ChannelId, row.DisplayName, row.FirstSeen, row.LastSeen);
    }

    /// <inheritdoc />
    public async Task<PracticeSession?> GetOpenSessionAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserKey == userKey && s.EndedAt == null)
            .OrderByDescending(s => s.StartedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    /// <inheritdoc />
    public Task SaveSessionAsync(PracticeSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        return contexts.UpsertAsync(
            (db, ct) => db.PracticeSessions.FirstOrDefaultAsync(s => s.Id == session.Id, ct),
            () => new PracticeSessionEntity { Id = session.Id },
            row =>
            {
                row.UserKey = session.UserKey;
                row.SetId = session.SetId;
                row.SetVersion = session.SetVersion;
                row.CurrentQuestionId = session.CurrentQuestionId;
                row.AskedQuestionIds = StorageJson.SerializeIds(session.AskedQuestionIds);
                row.StartedAt = session.StartedAt;
                row.EndedAt = session.EndedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetAskedQuestionIdsAsync(string userKey, string setId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.PracticeSessions.AsNoTracking()
            .Where(s => s.UserKey == userKey && s.SetId == setId)
            .Select(s => new { s.AskedQuestionIds, s.CurrentQuestionId })
            .ToListAsync(cancellationToken);

        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            asked.UnionWith(StorageJson.DeserializeIds(row.AskedQuestionIds));
            if (row.CurrentQuestionId is not null)
            {
                asked.Add(row.CurrentQuestionId);
            }
        }

        return asked;
    }

    /// <inheritdoc />
    public Task SaveAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return contexts.UpsertAsync(
            (db, ct) => db.Attempts.FirstOrDefaultAsync(a => a.Id == attempt.Id, ct),
            () => new AttemptEntity { Id = attempt.Id },
            row =>
            {
                row.SessionId = attempt.SessionId;
                row.UserKey = attempt.UserKey;
                row.SetId = attempt.SetId;
                row.SetVersion = attempt.SetVersion;
                row.QuestionId = attempt.QuestionId;
                row.Answer = attempt.Answer;
                row.SourceMessageId = attempt.SourceMessageId;
                row.Overall = attempt.Grade.Overall;
                row.GradeJson = StorageJson.Serialize(GradeDocument.From(attempt.Grade));
                row.Grader = attempt.Grade.Grader;
                row.CreatedAt = attempt.CreatedAt;
                row.UpdatedAt = attempt.UpdatedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Attempts.AsNoTracking()
            .Where(a => a.UserKey == userKey)
            .OrderBy(a => a.CreatedAt)
            .ThenBy(a => a.Seq)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>Deletes attempts, sessions and the profile in one transaction. Conversation records are
    /// not held here (<see cref="ForgetResult.ConversationRecords"/> is 0).</remarks>
    public async Task<ForgetResult> ForgetLearnerAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var attempts = await db.Attempts.Where(a => a.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        var sessions = await db.PracticeSessions.Where(s => s.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        var profiles = await db.Learners.Where(l => l.UserKey == userKey).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ForgetResult(attempts, sessions, profiles, ConversationRecords: 0);
    }

    private static PracticeSession ToRecord(PracticeSessionEntity row) =>
        new(row.Id, row.UserKey, row.SetId, row.SetVersion, row.CurrentQuestionId,
            StorageJson.DeserializeIds(row.AskedQuestionIds), row.StartedAt, row.EndedAt);

    private static Attempt ToRecord(AttemptEntity row) =>
        new(row.Id, row.SessionId, row.UserKey, row.SetId, row.SetVersion, row.QuestionId, row.Answer, row.SourceMessageId,
            StorageJson.Deserialize<GradeDocument>(row.GradeJson).ToGradeResult(), row.CreatedAt, row.UpdatedAt);
}
