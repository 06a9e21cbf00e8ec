using CoachBot.Core.Grading;

namespace CoachBot.Core.Channels.Quizzes;

/// <summary>Where a quiz is in its life.</summary>
public enum QuizState
{
    /// <summary>Scheduled; members may join.</summary>
    Scheduled,

    /// <summary>Questions are being asked.</summary>
    Running,

    /// <summary>The leaderboard was posted.</summary>
    Finished,
}

/// <summary>A timed quiz in a place: N questions, each open for M minutes, answered privately by joined members.</summary>
/// <param name="Id">Quiz id.</param>
/// <param name="PlaceKey">The place it runs in.</param>
/// <param name="StartUtc">When the first question opens.</param>
/// <param name="TimeZoneId">The IANA zone the admin gave (times are shown in it).</param>
/// <param name="QuestionCount">How many questions.</param>
/// <param name="MinutesPerQuestion">How long each question is open.</param>
/// <param name="SetId">The question set.</param>
/// <param name="SetVersion">The set version the questions came from.</param>
/// <param name="QuestionIds">The questions, in the order they are asked.</param>
/// <param name="CurrentIndex">The question open now (0-based), or -1 before the start.</param>
/// <param name="State">Where the quiz is.</param>
/// <param name="CreatedBy">The admin who scheduled it (user key).</param>
/// <param name="CreatedAt">When.</param>
public sealed record Quiz(
    Guid Id,
    string PlaceKey,
    DateTimeOffset StartUtc,
    string TimeZoneId,
    int QuestionCount,
    int MinutesPerQuestion,
    string SetId,
    int SetVersion,
    IReadOnlyList<string> QuestionIds,
    int CurrentIndex,
    QuizState State,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    /// <summary>How long each question is open.</summary>
    public TimeSpan QuestionWindow => TimeSpan.FromMinutes(MinutesPerQuestion);

    /// <summary>When question <paramref name="index"/> opens.</summary>
    public DateTimeOffset OpensAt(int index) => StartUtc + (QuestionWindow * index);

    /// <summary>When the last question closes and the results are due.</summary>
    public DateTimeOffset EndUtc => OpensAt(QuestionCount);
}

/// <summary>A member who joined a quiz.</summary>
/// <param name="QuizId">The quiz.</param>
/// <param name="UserKey">The learner key (<c>{channelId}:{userId}</c>).</param>
/// <param name="UserId">The channel user id (for private sends).</param>
/// <param name="UserName">The display name, when known.</param>
/// <param name="JoinedAt">When.</param>
public sealed record QuizMember(Guid QuizId, string UserKey, string UserId, string? UserName, DateTimeOffset JoinedAt);

/// <summary>A member's graded answer to one quiz question (one per member and question).</summary>
public sealed record QuizAnswer(Guid QuizId, int QuestionIndex, string UserKey, string Answer, GradeResult Grade, DateTimeOffset SubmittedAt);
