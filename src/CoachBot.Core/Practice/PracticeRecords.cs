using CoachBot.Core.Grading;

namespace CoachBot.Core.Practice;

/// <summary>One practice session of one learner: which questions were asked and which one is open.</summary>
/// <param name="Id">Session id.</param>
/// <param name="UserKey">The learner (<c>{channelId}:{userId}</c>).</param>
/// <param name="SetId">The question set practised.</param>
/// <param name="SetVersion">The set version the session started on.</param>
/// <param name="CurrentQuestionId">The open question, or <c>null</c> when none is open.</param>
/// <param name="AskedQuestionIds">Questions asked in this session, in order.</param>
/// <param name="StartedAt">When the session started.</param>
/// <param name="EndedAt">When the learner stopped, or <c>null</c> while open.</param>
public sealed record PracticeSession(
    Guid Id,
    string UserKey,
    string SetId,
    int SetVersion,
    string? CurrentQuestionId,
    IReadOnlyList<string> AskedQuestionIds,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt);

/// <summary>One graded answer.</summary>
/// <param name="Id">Attempt id.</param>
/// <param name="SessionId">The session it belongs to.</param>
/// <param name="UserKey">The learner.</param>
/// <param name="SetId">The set of the question.</param>
/// <param name="SetVersion">The set version the answer was graded against.</param>
/// <param name="QuestionId">The question answered.</param>
/// <param name="Answer">The learner's answer text (deleted by "forget me"; never logged).</param>
/// <param name="SourceMessageId">The chat message id the answer came from, for re-grading edits.</param>
/// <param name="Grade">The grade.</param>
/// <param name="CreatedAt">When it was first graded.</param>
/// <param name="UpdatedAt">When it was last re-graded after an edit.</param>
public sealed record Attempt(
    Guid Id,
    Guid SessionId,
    string UserKey,
    string SetId,
    int SetVersion,
    string QuestionId,
    string Answer,
    string? SourceMessageId,
    GradeResult Grade,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);

/// <summary>A learner as the coach knows them.</summary>
public sealed record LearnerProfile(string UserKey, string ChannelId, string? DisplayName, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>What "forget me" deleted.</summary>
public sealed record ForgetResult(int Attempts, int Sessions, int Profiles, int ConversationRecords);
