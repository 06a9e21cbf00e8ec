using CoachBot.Core.Grading.Rubric;

namespace CoachBot.Core.Grading;

/// <summary>
/// The default, offline grader: scores each mental model of the set from evidence in the answer (built-in lexicons
/// for the customer-trust rubric, vocabulary derived from the model's name, description and hints otherwise), combines
/// them with the question type's expectations and the success criteria, and applies flag caps (too short, generic,
/// keyword stuffing, prompt injection, off topic, unsupported language). Deterministic and culture-invariant: the same
/// request always yields the same grade.
/// </summary>
public sealed class RubricGrader : IAnswerGrader
{
    /// <summary>The grader's stable name, stored with every grade.</summary>
    public const string GraderName = "rubric-v1";

    /// <inheritdoc />
    public string Name => GraderName;

    /// <inheritdoc />
    public GraderKind Kind => GraderKind.Rubric;

    /// <inheritdoc />
    public Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Grade(request));
    }

    /// <summary>Grades <paramref name="request"/> synchronously (the grader does no I/O).</summary>
    public GradeResult Grade(GradingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var set = request.Set;
        var full = AnswerText.Parse(request.Answer ?? string.Empty);
        var injected = PromptInjectionDetector.FindSentences(full);
        var scored = injected.Count == 0 ? full : full.WithoutSentences(injected);

        var plan = RubricPlan.For(set);
        var evidence = plan.Scorers.Select(s => s.Score(scored)).ToList();
        var flags = FlagDetector.Detect(new FlagInput(
            full,
            scored,
            injected.Count,
            AnswerSignals.Measure(full, plan.Vocabulary),
            scored.Impact,
            evidence.Select(e => e.Score).ToList()));

        var grades = ModelGradeBuilder.Build(set.Models, evidence, flags, full);
        var overall = Overall(request, plan, scored, grades, flags);
        var tip = TipWriter.Write(flags, grades, evidence);
        return new GradeResult(overall, grades, tip, flags.Flags, GraderName);
    }

    private static int Overall(GradingRequest request, RubricPlan plan, AnswerText scored, IReadOnlyList<ModelGrade> grades, FlagAssessment flags)
    {
        if (scored.WordCount == 0)
        {
            return 0;
        }

        var scores = grades.Select(g => g.Score).ToList();
        var raw = ScoreCombiner.Combine(request.Set.Models, scores, request.Question)
            + QuestionTypeAdjuster.Adjust(request.Question.Type, scored)
            + plan.Criteria.Bonus(scored);
        var rounded = (int)Math.Round(raw, MidpointRounding.AwayFromZero);
        return Math.Clamp(Math.Min(rounded, flags.OverallCap), 0, 100);
    }
}
