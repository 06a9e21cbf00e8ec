using CoachBot.Core.Channels.Quizzes;

namespace CoachBot.Infrastructure.Storage.Entities;

/// <summary>Row of <c>Quizzes</c> (mirrors <see cref="Quiz"/>).</summary>
internal sealed class QuizEntity
{
    public Guid Id { get; set; }

    public string PlaceKey { get; set; } = string.Empty;

    public DateTimeOffset StartUtc { get; set; }

    public string TimeZoneId { get; set; } = string.Empty;

    public int QuestionCount { get; set; }

    public int MinutesPerQuestion { get; set; }

    public string SetId { get; set; } = string.Empty;

    public int SetVersion { get; set; }

    /// <summary>JSON array of question ids, in asking order.</summary>
    public string QuestionIds { get; set; } = "[]";

    public int CurrentIndex { get; set; }

    /// <summary>Stored by name.</summary>
    public QuizState State { get; set; }

    public string CreatedBy { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>Row of <c>QuizMembers</c>: one per quiz and learner.</summary>
internal sealed class QuizMemberEntity
{
    public Guid QuizId { get; set; }

    public string UserKey { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    public string? UserName { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>Row of <c>QuizAnswers</c>: unique per (quiz, question, learner).</summary>
internal sealed class QuizAnswerEntity
{
    public long Seq { get; set; }

    public Guid QuizId { get; set; }

    public int QuestionIndex { get; set; }

    public string UserKey { get; set; } = string.Empty;

    public string Answer { get; set; } = string.Empty;

    /// <summary>Copy of the grade's overall score (for queries); the grade itself is <see cref="GradeJson"/>.</summary>
    public int Overall { get; set; }

    /// <summary>The complete grade (see <see cref="GradeDocument"/>).</summary>
    public string GradeJson { get; set; } = string.Empty;

    public DateTimeOffset SubmittedAt { get; set; }
}
