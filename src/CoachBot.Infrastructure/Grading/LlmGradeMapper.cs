using System.Collections.Frozen;
using CoachBot.Core.Grading;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// Maps a validated model output to Core's <see cref="GradeResult"/>, computing the overall itself and applying the
/// rubric grader's gaming checks as a second line of defence.
/// </summary>
/// <remarks>
/// <para>
/// Overall: the weighted mean of the model scores, where the models the question targets weigh 1 and the others 0.5
/// (all weigh 1 when the question targets none), rounded half away from zero. The model's own overall is only logged:
/// a model talked into "overall 100" cannot move the grade without moving every model score.
/// </para>
/// <para>
/// Flag caps: <c>prompt_injection</c> caps the overall and every model score at 10; <c>keyword_stuffing</c>,
/// <c>too_short</c> and <c>off_topic</c> at 30. They apply whether the model raised the flag or the deterministic
/// <see cref="RubricGrader"/> did: when the rubric grader finds injection, stuffing or a too-short answer the flag is
/// added even if the model missed it (or was talked out of it), and the rubric grader's tip, which explains the
/// flag, replaces the model's.
/// </para>
/// </remarks>
internal static class LlmGradeMapper
{
    /// <summary>Flags the rubric grader contributes to an LLM grade.</summary>
    public static readonly IReadOnlyList<string> DefenceFlags = [GradeFlags.PromptInjection, GradeFlags.KeywordStuffing, GradeFlags.TooShort];

    /// <summary>The cap each capping flag sets on the overall and on every model score.</summary>
    public static readonly FrozenDictionary<string, int> Caps = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [GradeFlags.PromptInjection] = 10,
        [GradeFlags.KeywordStuffing] = 30,
        [GradeFlags.TooShort] = 30,
        [GradeFlags.OffTopic] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The grade, and the flags the rubric grader added that the model had not raised.</summary>
    public static (GradeResult Grade, IReadOnlyList<string> AddedFlags) Map(LlmGradeOutput output, GradingRequest request, GradeResult rubric, string grader)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rubric);

        var added = DefenceFlags.Where(f => rubric.Flags.Contains(f) && !output.Flags.Contains(f)).ToList();
        var flags = output.Flags.Concat(added).ToList();
        var cap = flags.Select(f => Caps.GetValueOrDefault(f, 100)).DefaultIfEmpty(100).Min();

        var models = request.Set.Models
            .Zip(output.Models, (model, graded) => ToModelGrade(model, graded, cap))
            .ToList();
        var overall = Math.Min(Overall(request.Set.Models, models.Select(m => m.Score).ToList(), request.Question), cap);
        var tip = added.Count > 0 ? rubric.Tip : output.Tip;
        return (new GradeResult(overall, models, tip, flags, grader), added);
    }

    /// <summary>The weighted mean described on the class, 0–100.</summary>
    public static int Overall(IReadOnlyList<MentalModel> models, IReadOnlyList<int> scores, Question question)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(question);
        if (models.Count == 0)
        {
            return 0;
        }

        var targeted = models.Where(m => question.TargetModels.Contains(m.Slug, StringComparer.OrdinalIgnoreCase)).Select(m => m.Slug).ToHashSet(StringComparer.OrdinalIgnoreCase);
        double weighted = 0;
        double total = 0;
        for (var i = 0; i < models.Count; i++)
        {
            var weight = targeted.Count == 0 || targeted.Contains(models[i].Slug) ? 1.0 : 0.5;
            weighted += weight * scores[i];
            total += weight;
        }

        return Math.Clamp((int)Math.Round(weighted / total, MidpointRounding.AwayFromZero), 0, 100);
    }

    private static ModelGrade ToModelGrade(MentalModel model, LlmModelOutput graded, int cap)
    {
        var score = Math.Min(graded.Score, cap);
        var level = EvidenceLevels.For(score);
        var missing = level == EvidenceLevel.Strong || graded.Missing.Count == 0 ? null : string.Join("; ", graded.Missing);
        return new ModelGrade(model.Slug, model.Name, score, level, graded.Evidence.FirstOrDefault(), missing);
    }
}
