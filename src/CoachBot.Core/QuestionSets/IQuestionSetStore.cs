namespace CoachBot.Core.QuestionSets;

/// <summary>Durable storage of question sets and their versions.</summary>
public interface IQuestionSetStore
{
    /// <summary>The latest version of set <paramref name="id"/>, or <c>null</c>.</summary>
    Task<QuestionSet?> GetLatestAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A specific version of a set, or <c>null</c>.</summary>
    Task<QuestionSet?> GetVersionAsync(string id, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="set"/> as version 1 when no set with its id exists. Idempotent: returns
    /// <c>false</c> and changes nothing when the set already exists.
    /// </summary>
    Task<bool> AddIfMissingAsync(QuestionSet set, CancellationToken cancellationToken = default);
}
