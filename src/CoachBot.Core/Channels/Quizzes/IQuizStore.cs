namespace CoachBot.Core.Channels.Quizzes;

/// <summary>Durable storage of quizzes, their members and answers (infrastructure layer).</summary>
public interface IQuizStore
{
    /// <summary>Inserts or replaces a quiz.</summary>
    Task SaveQuizAsync(Quiz quiz, CancellationToken cancellationToken = default);

    /// <summary>A quiz by id, or <c>null</c>.</summary>
    Task<Quiz?> GetQuizAsync(Guid quizId, CancellationToken cancellationToken = default);

    /// <summary>Every quiz of the place, oldest first.</summary>
    Task<IReadOnlyList<Quiz>> GetQuizzesAsync(string placeKey, CancellationToken cancellationToken = default);

    /// <summary>Running quizzes the learner joined, newest start first.</summary>
    Task<IReadOnlyList<Quiz>> GetRunningQuizzesOfMemberAsync(string userKey, CancellationToken cancellationToken = default);

    /// <summary>Adds a member; false when they already joined.</summary>
    Task<bool> TryAddMemberAsync(QuizMember member, CancellationToken cancellationToken = default);

    /// <summary>The members of a quiz, in joining order.</summary>
    Task<IReadOnlyList<QuizMember>> GetMembersAsync(Guid quizId, CancellationToken cancellationToken = default);

    /// <summary>Stores an answer; false when the member already answered that question.</summary>
    Task<bool> TryAddAnswerAsync(QuizAnswer answer, CancellationToken cancellationToken = default);

    /// <summary>Every answer of a quiz, in submission order.</summary>
    Task<IReadOnlyList<QuizAnswer>> GetAnswersAsync(Guid quizId, CancellationToken cancellationToken = default);
}
