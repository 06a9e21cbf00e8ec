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

    /// <summary>The latest version of every set, ordered by id.</summary>
    Task<IReadOnlyList<QuestionSet>> GetAllLatestAsync(CancellationToken cancellationToken = default);

    /// <summary>Every stored version of set <paramref name="id"/>, newest first (empty when the set does not exist).</summary>
    Task<IReadOnlyList<Admin.QuestionSetVersionInfo>> GetVersionsAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="set"/> as version <see cref="QuestionSet.Version"/>. Atomic: returns <c>false</c> and
    /// stores nothing when that version already exists (someone saved first: a conflict). Version 1 creates the set.
    /// </summary>
    Task<bool> TryAddVersionAsync(QuestionSet set, string createdBy, string? note, CancellationToken cancellationToken = default);
}
