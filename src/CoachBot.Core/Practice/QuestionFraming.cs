namespace CoachBot.Core.Practice;

/// <summary>Why a question is being shown, which changes its lead-in line.</summary>
public enum QuestionFraming
{
    /// <summary>A question not asked before.</summary>
    New,

    /// <summary>Every question was asked; revisiting a low-scoring one.</summary>
    Review,

    /// <summary>The learner asked to try the same question again.</summary>
    Retry,

    /// <summary>The learner typed "practice" while a question was still unanswered.</summary>
    StillOpen,
}
