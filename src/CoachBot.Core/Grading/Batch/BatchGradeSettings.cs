using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Batch;

/// <summary>What one batch run grades against and with.</summary>
/// <param name="Set">The question set whose questions and mental models apply.</param>
/// <param name="Grader">
/// <see cref="GraderKind.Rubric"/> grades offline; <see cref="GraderKind.Llm"/> asks the configured LLM
/// grader (through the grade cache, falling back to the rubric) and requires one to be configured.
/// </param>
/// <param name="MaxAnswerLength">The longest answer accepted, in characters (<c>Practice:MaxAnswerLength</c>).</param>
public sealed record BatchGradeSettings(QuestionSet Set, GraderKind Grader, int MaxAnswerLength);

/// <summary>What a batch run did.</summary>
/// <param name="Graded">Lines graded.</param>
/// <param name="Failed">Lines answered with an <c>error</c>.</param>
/// <param name="Skipped">Blank lines skipped.</param>
public sealed record BatchSummary(int Graded, int Failed, int Skipped)
{
    /// <summary><c>true</c> when no line failed.</summary>
    public bool AllGraded => Failed == 0;
}
