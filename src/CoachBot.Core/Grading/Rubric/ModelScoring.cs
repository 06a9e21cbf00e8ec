namespace CoachBot.Core.Grading.Rubric;

/// <summary>Scores one mental model from the answer's evidence.</summary>
internal interface IModelScorer
{
    /// <summary>The vocabulary this scorer rewards (used to measure keyword density).</summary>
    IReadOnlyList<TermGroup> Vocabulary { get; }

    ModelEvidence Score(AnswerText text);
}

/// <summary>A model's raw score, the unit that earned it, what is missing and how to fix it.</summary>
/// <param name="Score">0–100.</param>
/// <param name="Evidence">The unit that earned the most credit, or <c>null</c>.</param>
/// <param name="Missing">Concretely what is absent (used when the level is below Strong).</param>
/// <param name="Tip">One actionable sentence for this model.</param>
internal sealed record ModelEvidence(int Score, Segment? Evidence, string Missing, string Tip);

/// <summary>What a lexicon scorer found, for choosing the Missing text and tip.</summary>
/// <param name="Score">The model's score.</param>
/// <param name="Groups">Keys of the term groups matched anywhere in the scored text.</param>
/// <param name="BonusEarned">True when the unit bonus (e.g. a causal customer tie) was earned somewhere.</param>
internal sealed record LexiconOutcome(int Score, IReadOnlySet<string> Groups, bool BonusEarned);

/// <summary>The Missing text and tip for a model.</summary>
internal sealed record ModelAdvice(string Missing, string Tip);

/// <summary>
/// Scores a model from weighted term groups. Each unit (sentence or clause) earns the sum of the weights of the groups
/// it contains plus an optional bonus (given the answer and the unit's index in <see cref="AnswerText.Units"/>); the
/// model score is the best unit's credit plus a small breadth bonus for groups and sentences elsewhere in the answer.
/// Evidence is the shortest unit with the best credit.
/// </summary>
internal sealed class LexiconScorer(
    IReadOnlyList<TermGroup> groups,
    Func<AnswerText, int, int>? unitBonus,
    Func<LexiconOutcome, ModelAdvice> advise) : IModelScorer
{
    public IReadOnlyList<TermGroup> Vocabulary => groups;

    public ModelEvidence Score(AnswerText text)
    {
        var best = 0;
        Segment? bestUnit = null;
        var bestGroups = 0;
        var allGroups = new HashSet<string>(StringComparer.Ordinal);
        var creditedSentences = 0;
        var bonusEarned = false;
        var lengths = groups.Select(g => text.Table.LengthsOf(g)).ToArray();
        for (var u = 0; u < text.Units.Count; u++)
        {
            var unit = text.Units[u];
            var weight = 0;
            var matched = 0;
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                if (TermGroup.AnyIn(lengths[g], unit.FirstToken, unit.TokenCount))
                {
                    weight += group.Weight;
                    matched++;
                    if (unit.IsSentence)
                    {
                        allGroups.Add(group.Key);
                    }
                }
            }

            var bonus = unitBonus?.Invoke(text, u) ?? 0;
            bonusEarned |= bonus > 0;
            var credit = Math.Min(100, weight + bonus);
            if (unit.IsSentence)
            {
                creditedSentences += credit >= 20 ? 1 : 0;
            }

            if (credit > best || (credit == best && credit > 0 && bestUnit is not null && unit.Span.Length < bestUnit.Span.Length))
            {
                (best, bestUnit, bestGroups) = (credit, unit, matched);
            }
        }

        var breadth = Math.Min(18, 6 * Math.Max(0, allGroups.Count - bestGroups))
            + Math.Min(12, 4 * Math.Max(0, creditedSentences - 1));
        var score = best == 0 ? 0 : Math.Min(100, best + breadth);
        var advice = advise(new LexiconOutcome(score, allGroups, bonusEarned));
        return new ModelEvidence(score, bestUnit, advice.Missing, advice.Tip);
    }
}

/// <summary>Quantified impact: figures tied to customer or business results, with baselines.</summary>
internal sealed class QuantifiedImpactScorer : IModelScorer
{
    public IReadOnlyList<TermGroup> Vocabulary { get; } = [ImpactAnalyzer.Result];

    public ModelEvidence Score(AnswerText text)
    {
        var report = text.Impact;
        var advice = ModelAdvisor.Quantified(report.Stage);
        return new ModelEvidence(report.Credit, report.Best, advice.Missing, advice.Tip);
    }
}

/// <summary>Picks the scorer for a model: built-in lexicons for known slugs, derived vocabulary otherwise.</summary>
internal static class ModelScorers
{
    public static IModelScorer For(QuestionSets.MentalModel model) => model.Slug.ToLowerInvariant() switch
    {
        BuiltInLexicons.CustomerFirst => new LexiconScorer(
            BuiltInLexicons.CustomerGroups,
            static (text, unit) => text.TieBonuses[unit],
            ModelAdvisor.CustomerFirst),
        BuiltInLexicons.ScaleThinking => new LexiconScorer(BuiltInLexicons.ScaleGroups, null, ModelAdvisor.Scale),
        BuiltInLexicons.InnovationEnablement => new LexiconScorer(BuiltInLexicons.InnovationGroups, null, ModelAdvisor.Innovation),
        BuiltInLexicons.QuantifiedImpact => new QuantifiedImpactScorer(),
        _ => DerivedLexicon.ScorerFor(model),
    };
}
