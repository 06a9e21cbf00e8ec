using CoachBot.Core.Channels.Quizzes;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// <see cref="IQuizStore"/> on EF Core, and the "forget me" eraser for quiz memberships and answers.
/// Thread-safe (register as a singleton): every operation uses its own short-lived context.
/// </summary>
/// <param name="contexts">The context factory.</param>
public sealed class EfQuizStore(IDbContextFactory<CoachBotDbContext> contexts) : IQuizStore, ILearnerDataEraser
{
    /// <inheritdoc />
    public Task SaveQuizAsync(Quiz quiz, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quiz);
        return contexts.UpsertAsync(
            (db, ct) => db.Quizzes.FirstOrDefaultAsync(q => q.Id == quiz.Id, ct),
            () => new QuizEntity { Id = quiz.Id },
            row =>
            {
                row.PlaceKey = quiz.PlaceKey;
                row.StartUtc = quiz.StartUtc;
                row.TimeZoneId = quiz.TimeZoneId;
                row.QuestionCount = quiz.QuestionCount;
                row.MinutesPerQuestion = quiz.MinutesPerQuestion;
                row.SetId = quiz.SetId;
                row.SetVersion = quiz.SetVersion;
                row.QuestionIds = StorageJson.SerializeIds(quiz.QuestionIds);
                row.CurrentIndex = quiz.CurrentIndex;
                row.State = quiz.State;
                row.CreatedBy = quiz.CreatedBy;
                row.CreatedAt = quiz.CreatedAt;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Quiz?> GetQuizAsync(Guid quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quiz>> GetQuizzesAsync(string placeKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Quizzes.AsNoTracking().Where(q => q.PlaceKey == placeKey)
            .OrderBy(q => q.CreatedAt).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Quiz>> GetRunningQuizzesOfMemberAsync(string userKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Quizzes.AsNoTracking()
            .Where(q => q.State == QuizState.Running && db.QuizMembers.Any(m => m.QuizId == q.Id && m.UserKey == userKey))
            .OrderByDescending(q => q.StartUtc).ThenBy(q => q.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    /// <inheritdoc />
    /// <remarks>The primary key (QuizId, UserKey) decides: concurrent joins of one member get one <c>true</c>.</remarks>
    public async Task<bool> TryAddMemberAsync(QuizMember member, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(member);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.QuizMembers.Add(new QuizMemberEntity
        {
            QuizId = member.QuizId, UserKey = member.UserKey, UserId = member.UserId, UserName = member.UserName, JoinedAt = member.JoinedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Already there (a repeat or a concurrent writer); any other failure is rethrown.
            if (await MemberExistsAsync(member, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuizMember>> GetMembersAsync(Guid quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuizMembers.AsNoTracking().Where(m => m.QuizId == quizId)
            .OrderBy(m => m.JoinedAt).ThenBy(m => m.UserKey).ToListAsync(cancellationToken);
        return [.. rows.Select(m => new QuizMember(m.QuizId, m.UserKey, m.UserId, m.UserName, m.JoinedAt))];
    }

    /// <inheritdoc />
    /// <remarks>The unique index on (QuizId, QuestionIndex, UserKey) decides: of concurrent answers one is kept.</remarks>
    public async Task<bool> TryAddAnswerAsync(QuizAnswer answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.QuizAnswers.Add(new QuizAnswerEntity
        {
            QuizId = answer.QuizId,
            QuestionIndex = answer.QuestionIndex,
            UserKey = answer.UserKey,
            Answer = answer.Answer,
            Overall = answer.Grade.Overall,
            GradeJson = StorageJson.Serialize(GradeDocument.From(answer.Grade)),
            SubmittedAt = answer.SubmittedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Already there (a repeat or a concurrent writer); any other failure is rethrown.
            if (await AnswerExistsAsync(answer, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuizAnswer>> GetAnswersAsync(Guid quizId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuizAnswers.AsNoTracking().Where(a => a.QuizId == quizId)
            .OrderBy(a => a.SubmittedAt).ThenBy(a => a.Seq).ToListAsync(cancellationToken);
        return [.. rows.Select(a => new QuizAnswer(a.QuizId, a.QuestionIndex, a.UserKey, a.Answer,
            StorageJson.Deserialize<GradeDocument>(a.GradeJson).ToGradeResult(), a.SubmittedAt))];
    }

    /// <inheritdoc />
    /// <remarks>Deletes the learner's quiz answers and memberships in one transaction; quizzes they scheduled stay.</remarks>
    public async Task<int> EraseAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var answers = await db.QuizAnswers.Where(a => a.UserKey == turn.UserKey).ExecuteDeleteAsync(cancellationToken);
        var members = await db.QuizMembers.Where(m => m.UserKey == turn.UserKey).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return answers + members;
    }

    private async Task<bool> MemberExistsAsync(QuizMember member, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.QuizMembers.AnyAsync(m => m.QuizId == member.QuizId && m.UserKey == member.UserKey, ct);
    }

    private async Task<bool> AnswerExistsAsync(QuizAnswer answer, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.QuizAnswers.AnyAsync(a => a.QuizId == answer.QuizId && a.QuestionIndex == answer.QuestionIndex && a.UserKey == answer.UserKey, ct);
    }

    private static Quiz ToRecord(QuizEntity row) =>
        new(row.Id, row.PlaceKey, row.StartUtc, row.TimeZoneId, row.QuestionCount, row.MinutesPerQuestion, row.SetId, row.SetVersion,
            StorageJson.DeserializeIds(row.QuestionIds), row.CurrentIndex, row.State, row.CreatedBy, row.CreatedAt);
}
