namespace CoachBot.Core.Grading.Batch;

/// <summary>
/// A token-overlap similarity between two sets of content terms: the Dice coefficient
/// 2·shared / (|a| + |b|), where two terms are shared when equal or, for terms of five or more
/// characters, one typo apart (one insertion, deletion, substitution or swap of neighbours).
/// </summary>
internal static class TermOverlap
{
    private const int MinLengthForTypos = 5;

    /// <summary>The number of terms of <paramref name="a"/> paired one-to-one with a term of <paramref name="b"/>.</summary>
    public static int Shared(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var used = new bool[b.Count];
        var shared = 0;

        // Exact pairs first, so a typo-pairing never steals a term that has an exact partner.
        var unpaired = new List<string>();
        foreach (var term in a)
        {
            var index = IndexOf(b, used, t => string.Equals(t, term, StringComparison.Ordinal));
            if (index < 0)
            {
                unpaired.Add(term);
                continue;
            }

            used[index] = true;
            shared++;
        }

        foreach (var term in unpaired)
        {
            var index = IndexOf(b, used, t => IsOneTypoApart(t, term));
            if (index >= 0)
            {
                used[index] = true;
                shared++;
            }
        }

        return shared;
    }

    /// <summary>The Dice coefficient of the two term sets, 0–1 (0 when either is empty).</summary>
    public static double Dice(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count + b.Count == 0 ? 0 : 2.0 * Shared(a, b) / (a.Count + b.Count);

    /// <summary>True when the terms differ by exactly one edit (both at least five characters long).</summary>
    public static bool IsOneTypoApart(string x, string y)
    {
        if (x.Length < MinLengthForTypos || y.Length < MinLengthForTypos || Math.Abs(x.Length - y.Length) > 1 || x == y)
        {
            return false;
        }

        var start = 0;
        while (start < x.Length && start < y.Length && x[start] == y[start])
        {
            start++;
        }

        if (x.Length != y.Length)
        {
            var (longer, shorter) = x.Length > y.Length ? (x, y) : (y, x);
            return longer.AsSpan(start + 1).SequenceEqual(shorter.AsSpan(start));
        }

        return x.AsSpan(start + 1).SequenceEqual(y.AsSpan(start + 1))
            || (start + 1 < x.Length && x[start] == y[start + 1] && x[start + 1] == y[start]
                && x.AsSpan(start + 2).SequenceEqual(y.AsSpan(start + 2)));
    }

    private static int IndexOf(IReadOnlyList<string> terms, bool[] used, Func<string, bool> matches)
    {
        for (var i = 0; i < terms.Count; i++)
        {
            if (!used[i] && matches(terms[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
