namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A set's success criteria as content stems, for a small bonus (0–5) when an answer echoes them (content-word overlap).
/// The stems are indexed once per set so an answer is matched token by token without building its own stem set.
/// </summary>
internal sealed class SuccessCriteria
{
    public const int MaxBonus = 5;

    private readonly List<string>[] criteria;
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> iesIndex = new(StringComparer.Ordinal);

    public SuccessCriteria(IEnumerable<string> criteria)
    {
        this.criteria = criteria.Select(EnglishWords.ContentStems).Where(s => s.Count > 0).ToArray();
        foreach (var stem in this.criteria.SelectMany(s => s))
        {
            if (index.TryAdd(stem, index.Count) && stem.EndsWith('y'))
            {
                // An answer word "policies" stems to "policy": its "polic" finds the stem without building a string.
                iesIndex.TryAdd(stem[..^1], index[stem]);
            }
        }
    }

    /// <summary>The bonus: <see cref="MaxBonus"/> times the mean share of each criterion's stems found in the answer.</summary>
    public int Bonus(AnswerText text)
    {
        if (criteria.Length == 0)
        {
            return 0;
        }

        var found = new bool[index.Count];
        var exact = index.GetAlternateLookup<ReadOnlySpan<char>>();
        var ies = iesIndex.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var token in text.ScoredTokens())
        {
            if (!token.HasLetter)
            {
                continue;
            }

            var (keep, isIes) = EnglishWords.StemLength(token.Text);
            var stem = token.Text.AsSpan(0, keep);
            if (isIes ? ies.TryGetValue(stem, out var at) : exact.TryGetValue(stem, out at))
            {
                found[at] = true;
            }
        }

        // Same arithmetic, in the same order, as averaging the per-criterion shares.
        double sum = 0;
        foreach (var stems in criteria)
        {
            sum += (double)stems.Count(s => found[index[s]]) / stems.Count;
        }

        var coverage = sum / criteria.Length;
        return (int)Math.Round(MaxBonus * coverage, MidpointRounding.AwayFromZero);
    }
}
