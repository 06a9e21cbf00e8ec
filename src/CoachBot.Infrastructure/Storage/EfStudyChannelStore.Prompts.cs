using CoachBot.Core.Channels;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Prompts, answers and members of <see cref="EfStudyChannelStore"/>.</summary>
public sealed partial class EfStudyChannelStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The unique index on (ScheduleId, OccurrenceUtc, PlaceKey) decides, so concurrent callers for one occurrence
    /// get exactly one <c>true</c>. Also <c>false</c> when a prompt with the same id exists (a retried insert).
    /// </remarks>
    public async Task<bool> TryAddPromptAsync(DailyPrompt prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.DailyPrompts.Add(StudyChannelRows.ToRow(prompt));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another writer stored this occurrence (or this prompt) first; any other failure is rethrown.
            if (await PromptExistsAsync(prompt, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Updates everything but the identity (id, schedule, place, occurrence). Throws
    /// <see cref="InvalidOperationException"/> when the prompt does not exist.</remarks>
    public async Task UpdatePromptAsync(DailyPrompt prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.DailyPrompts.Where(p => p.Id == prompt.Id).ExecuteUpdateAsync(
            s => s.SetProperty(p => p.SetId, prompt.SetId)
                .SetProperty(p => p.SetVersion, prompt.SetVersion)
                .SetProperty(p => p.QuestionId, prompt.QuestionId)
                .SetProperty(p => p.ThreadId, prompt.ThreadId)
                .SetProperty(p => p.PostId, prompt.PostId)
                .SetProperty(p => p.RecapDueUtc, prompt.RecapDueUtc)
                .SetProperty(p => p.RecapSentAt, prompt.RecapSentAt),
            cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Prompt {prompt.Id} does not exist.");
        }
    }

    /// <inheritdoc />
    public async Task<DailyPrompt?> GetPromptAsync(Guid promptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DailyPrompts.AsNoTracking().FirstOrDefaultAsync(p => p.Id == promptId, cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    /// <remarks>In a group chat every prompt's thread is the chat itself: the latest occurrence wins.</remarks>
    public async Task<DailyPrompt?> FindPromptByThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DailyPrompts.AsNoTracking()
            .Where(p => p.ThreadId == threadId)
            .OrderByDescending(p => p.OccurrenceUtc).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<DailyPrompt?> FindPromptByPostAsync(string placeKey, string postId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DailyPrompts.AsNoTracking()
            .Where(p => p.PlaceKey == placeKey && p.PostId == postId)
            .OrderByDescending(p => p.OccurrenceUtc).ThenByDescending(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DailyPrompt>> GetPromptsAsync(string placeKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DailyPrompts.AsNoTracking()
            .Where(p => p.PlaceKey == placeKey)
            .OrderBy(p => p.OccurrenceUtc).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>
    /// Matches the stored answer by id, or by (prompt, message id) when the message id is set: a re-grade saved
    /// under a new id updates the existing row, which keeps its id and <see cref="ChannelAnswer.CreatedAt"/>
    /// (its <see cref="ChannelAnswer.UpdatedAt"/> becomes the new answer's <c>UpdatedAt ?? CreatedAt</c>).
    /// </remarks>
    public Task SaveAnswerAsync(ChannelAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var gradeJson = StorageJson.Serialize(GradeDocument.From(answer.Grade));
        return contexts.UpsertAsync(
            (db, ct) => db.ChannelAnswers
                .Where(a => a.Id == answer.Id || (answer.MessageId != null && a.PromptId == answer.PromptId && a.MessageId == answer.MessageId))
                .OrderBy(a => a.Id == answer.Id ? 0 : 1)
                .FirstOrDefaultAsync(ct),
            () => new ChannelAnswerEntity { Id = answer.Id, CreatedAt = answer.CreatedAt, UpdatedAt = answer.UpdatedAt },
            row =>
            {
                if (row.Id == answer.Id)
                {
                    row.CreatedAt = answer.CreatedAt;
                    row.UpdatedAt = answer.UpdatedAt;
                }
                else
                {
                    row.UpdatedAt = answer.UpdatedAt ?? answer.CreatedAt;
                }

                row.PromptId = answer.PromptId;
                row.PlaceKey = answer.PlaceKey;
                row.UserKey = answer.UserKey;
                row.UserName = answer.UserName;
                row.MessageId = answer.MessageId;
                row.Answer = answer.Answer;
                row.Overall = answer.Grade.Overall;
                row.GradeJson = gradeJson;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ChannelAnswer?> FindAnswerAsync(Guid promptId, string messageId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ChannelAnswers.AsNoTracking()
            .FirstOrDefaultAsync(a => a.PromptId == promptId && a.MessageId == messageId, cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ChannelAnswer>> GetAnswersAsync(Guid promptId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChannelAnswers.AsNoTracking()
            .Where(a => a.PromptId == promptId)
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<Guid>> GetAnsweredPromptIdsAsync(string placeKey, string userKey, CancellationToken cancellationToken = default)
    {
        var byMember = await GetAnsweredPromptIdsByMemberAsync(placeKey, [userKey], cancellationToken);
        return byMember[userKey];
    }

    /// <inheritdoc />
    /// <remarks>Projects (user key, prompt id) pairs only: answer text and grade JSON are never read.</remarks>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<Guid>>> GetAnsweredPromptIdsByMemberAsync(
        string placeKey, IReadOnlyCollection<string> userKeys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userKeys);
        var result = userKeys.Distinct(StringComparer.Ordinal).ToDictionary(k => k, _ => new HashSet<Guid>(), StringComparer.Ordinal);
        if (result.Count == 0)
        {
            return new Dictionary<string, IReadOnlySet<Guid>>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = result.Keys.ToList();
        var pairs = await db.ChannelAnswers.AsNoTracking()
            .Where(a => a.PlaceKey == placeKey && keys.Contains(a.UserKey))
            .Select(a => new { a.UserKey, a.PromptId })
            .Distinct()
            .ToListAsync(cancellationToken);
        foreach (var pair in pairs)
        {
            result[pair.UserKey].Add(pair.PromptId);
        }

        return result.ToDictionary(kv => kv.Key, kv => (IReadOnlySet<Guid>)kv.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public Task SetNamedInRecapsAsync(string placeKey, string userKey, bool named, CancellationToken cancellationToken = default) =>
        contexts.UpsertAsync(
            (db, ct) => db.ChannelMembers.FirstOrDefaultAsync(m => m.PlaceKey == placeKey && m.UserKey == userKey, ct),
            () => new ChannelMemberEntity { PlaceKey = placeKey, UserKey = userKey },
            row =>
            {
                row.NamedInRecaps = named;
                row.UpdatedAt = time.GetUtcNow();
            },
            cancellationToken);

    private async Task<bool> PromptExistsAsync(DailyPrompt prompt, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DailyPrompts.AnyAsync(
            p => p.Id == prompt.Id
                || (p.ScheduleId == prompt.ScheduleId && p.OccurrenceUtc == prompt.OccurrenceUtc && p.PlaceKey == prompt.PlaceKey),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> GetNamedMembersAsync(string placeKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.ChannelMembers.AsNoTracking()
            .Where(m => m.PlaceKey == placeKey && m.NamedInRecaps)
            .Select(m => m.UserKey)
            .ToListAsync(cancellationToken);
        return keys.ToHashSet(StringComparer.Ordinal);
    }
}
