namespace CoachBot.Core.Practice;

/// <summary>Durable storage of learners, sessions and attempts (implemented by the infrastructure layer).</summary>
public interface IPracticeStore
{
    /// <summary>Creates or refreshes the learner's profile.</summary>
    Task TouchLearnerAsync(string userKey, string channelId, string? displayName, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The learner's open session (not ended), or <c>null</c>.</summary>
    Task<PracticeSession?> GetOpenSessionAsync(string userKey, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new session or updates an existing one.</summary>
    Task SaveSessionAsync(PracticeSession session, CancellationToken cancellationToken = default);

    /// <summary>Ids of every question ever asked of the learner in <paramref name="setId"/>.</summary>
    Task<IReadOnlySet<string>> GetAskedQuestionIdsAsync(string userKey, string setId, CancellationToken cancellationToken = default);

    /// <summary>Inserts a new attempt or updates an existing one (re-grade).</summary>
    Task SaveAttemptAsync(Attempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Every attempt of the learner, oldest first.</summary>
    Task<IReadOnlyList<Attempt>> GetAttemptsAsync(string userKey, CancellationToken cancellationToken = default);

    /// <summary>Deletes every record about the learner held by this store.</summary>
    Task<ForgetResult> ForgetLearnerAsync(string userKey, CancellationToken cancellationToken = default);
}
