using System.Runtime.CompilerServices;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Everything the grader derives from a question set's rubric alone: one scorer per model (with derived vocabulary for
/// unknown models), their combined vocabulary and the success criteria's stems. Built once per set instance instead of
/// once per answer. Question sets are immutable records (a new version is a new instance), so the instance is the key;
/// a set deserialized afresh for each request simply builds its plan again, which for the built-in models costs a few
/// microseconds (their vocabulary is compiled once per process, see <see cref="TermIndex.Shared"/>).
/// </summary>
internal sealed class RubricPlan
{
    // Weak keys: a plan lives exactly as long as its set, so the cache is bounded by the sets the app still holds.
    private static readonly ConditionalWeakTable<QuestionSet, RubricPlan> Plans = [];

    private RubricPlan(QuestionSet set)
    {
        Scorers = set.Models.Select(ModelScorers.For).ToArray();
        Vocabulary = Scorers.SelectMany(s => s.Vocabulary).ToArray();
        Criteria = new SuccessCriteria(set.SuccessCriteria ?? []);
    }

    /// <summary>One scorer per model, in the set's order.</summary>
    public IReadOnlyList<IModelScorer> Scorers { get; }

    /// <summary>Every scorer's vocabulary (for keyword-density signals).</summary>
    public IReadOnlyList<TermGroup> Vocabulary { get; }

    public SuccessCriteria Criteria { get; }

    public static RubricPlan For(QuestionSet set) => Plans.GetValue(set, static s => new RubricPlan(s));
}
