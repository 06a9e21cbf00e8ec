using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Builds evidence vocabulary for models the grader has no built-in lexicon for, from the model's name (weight 30),
/// evidence hints (25) and description (15): content words, stemmed, matched as prefixes.
/// </summary>
internal static class DerivedLexicon
{
    public static IModelScorer ScorerFor(MentalModel model)
    {
        var groups = Groups(model);
        var example = Example(model);
        return new LexiconScorer(groups, null, outcome => Advise(model, example, outcome));
    }

    public static List<TermGroup> Groups(MentalModel model)
    {
        var weights = new List<(string Stem, int Weight)>();
        Add(weights, model.Name, 30);
        foreach (var hint in model.EvidenceHints ?? [])
        {
            Add(weights, hint, 25);
        }

        Add(weights, model.Description, 15);
        return weights.Select(w => new TermGroup(w.Stem, w.Weight, w.Stem + "*")).ToList();
    }

    private static void Add(List<(string Stem, int Weight)> weights, string? text, int weight)
    {
        foreach (var stem in EnglishWords.ContentStems(text ?? string.Empty))
        {
            if (!weights.Exists(w => string.Equals(w.Stem, stem, StringComparison.Ordinal)))
            {
                weights.Add((stem, weight));
            }
        }
    }

    private static string Example(MentalModel model)
    {
        var source = model.EvidenceHints?.FirstOrDefault(h => !string.IsNullOrWhiteSpace(h)) ?? model.Description ?? model.Name;
        var firstSentence = source.Split(". ", 2, StringSplitOptions.None)[0].Trim().TrimEnd('.');
        return firstSentence.Length > 0 ? firstSentence : model.Name;
    }

    private static ModelAdvice Advise(MentalModel model, string example, LexiconOutcome outcome) => outcome.Score < 20
        ? new($"No evidence of {model.Name}; look for: {example}", $"Add a sentence that shows {model.Name}, e.g. {Lower(example)}.")
        : new($"{model.Name} is touched on but not backed by a specific example", $"Back up {model.Name} with one concrete example: {Lower(example)}.");

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
