using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading;

/// <summary>
/// Grades one free-text answer against the question set's rubric. Implementations: the deterministic
/// rubric grader (default, offline) and, later, LLM graders. Graders never throw for bad answers:
/// a non-answer is a low grade with flags.
/// </summary>
public interface IAnswerGrader
{
    /// <summary>
    /// A short, stable name for logs, stored grades and the grade cache (e.g. <c>rubric-v1</c>). An LLM
    /// grader's name includes its model and prompt version, so a new prompt never reuses cached grades.
    /// </summary>
    string Name { get; }

    /// <summary>What kind of grader this is; LLM grades are cached and fall back to the rubric.</summary>
    GraderKind Kind { get; }

    /// <summary>Grades <paramref name="request"/>.</summary>
    Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default);
}

/// <summary>The two kinds of grader.</summary>
public enum GraderKind
{
    /// <summary>Deterministic, offline, fast: <see cref="RubricGrader"/>.</summary>
    Rubric,

    /// <summary>A language model behind an HTTP API: slower, may fail, costs money per call.</summary>
    Llm,
}

/// <summary>What to grade: the answer, the question it answers, and the set whose rubric applies.</summary>
public sealed record GradingRequest(QuestionSet Set, Question Question, string Answer);

/// <summary>
/// Thrown by a grader that could not produce a valid grade (the service failed, timed out, is
/// open-circuited, or returned output that failed validation). <see cref="GradingService"/> answers
/// with the rubric grader instead; learners never see this exception.
/// </summary>
public sealed class GradingUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GradingUnavailableException()
    {
    }

    /// <summary>Creates the exception with a reason (never containing answer text).</summary>
    public GradingUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and the failure behind it.</summary>
    public GradingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>How well one mental model is covered, from weakest to best.</summary>
public enum EvidenceLevel
{
    /// <summary>No evidence for the model.</summary>
    Missing,

    /// <summary>Touched on, without substance.</summary>
    Mentioned,

    /// <summary>Clear, relevant evidence.</summary>
    Solid,

    /// <summary>Specific, well-reasoned evidence.</summary>
    Strong,
}

/// <summary>The score bands behind the level words, shared by graders and progress reports.</summary>
public static class EvidenceLevels
{
    /// <summary>Missing below 20, Mentioned 20–49, Solid 50–79, Strong from 80.</summary>
    public static EvidenceLevel For(int score) => score switch
    {
        < 20 => EvidenceLevel.Missing,
        < 50 => EvidenceLevel.Mentioned,
        < 80 => EvidenceLevel.Solid,
        _ => EvidenceLevel.Strong,
    };
}

/// <summary>The grade for one mental model.</summary>
/// <param name="Slug">The model's slug.</param>
/// <param name="Name">The model's display name.</param>
/// <param name="Score">0–100.</param>
/// <param name="Level">The level word shown to the learner.</param>
/// <param name="Evidence">The phrase from the answer that earned credit, or <c>null</c>.</param>
/// <param name="Missing">What was missing, when the level is below <see cref="EvidenceLevel.Strong"/>.</param>
public sealed record ModelGrade(string Slug, string Name, int Score, EvidenceLevel Level, string? Evidence, string? Missing);

/// <summary>A complete grade.</summary>
/// <param name="Overall">0–100.</param>
/// <param name="Models">One entry per mental model of the set, in the set's order.</param>
/// <param name="Tip">One concrete tip for the weakest model.</param>
/// <param name="Flags">Flags such as <c>generic</c> or <c>too_short</c> (see <see cref="GradeFlags"/>).</param>
/// <param name="Grader">The grader's <see cref="IAnswerGrader.Name"/>.</param>
/// <param name="IsFallback"><c>true</c> when the configured LLM grader failed and the rubric grader answered instead.</param>
public sealed record GradeResult(int Overall, IReadOnlyList<ModelGrade> Models, string Tip, IReadOnlyList<string> Flags, string Grader, bool IsFallback = false)
{
    /// <summary>The model with the lowest score (first one on ties), or <c>null</c> for an empty rubric.</summary>
    public ModelGrade? Weakest => Models.Count == 0 ? null : Models.MinBy(m => m.Score);
}

/// <summary>Well-known grade flags.</summary>
public static class GradeFlags
{
    public const string Generic = "generic";
    public const string KeywordStuffing = "keyword_stuffing";
    public const string PromptInjection = "prompt_injection";
    public const string NumbersWithoutMeaning = "numbers_without_meaning";
    public const string OffTopic = "off_topic";
    public const string TooShort = "too_short";
    public const string UnsupportedLanguage = "unsupported_language";
}
