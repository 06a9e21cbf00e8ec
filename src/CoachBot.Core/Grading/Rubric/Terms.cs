namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A word or phrase to look for among tokens. Pattern syntax: space-separated parts; a part ending in <c>*</c> is a
/// prefix; <c>#mag</c> matches magnitude tokens such as <c>200m</c> or <c>1.5b</c>; a leading <c>!word</c> means
/// "not directly after <c>word</c>" (e.g. <c>!zero trust*</c>).
/// </summary>
internal sealed class Term
{
    private readonly string[] parts;
    private readonly string? notAfter;

    public Term(string pattern)
    {
        var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0].StartsWith('!'))
        {
            notAfter = words[0][1..];
            words = words[1..];
        }

        parts = words;
    }

    public int Length => parts.Length;

    public bool MatchesAt(IReadOnlyList<Token> tokens, int index, int end)
    {
        if (index + parts.Length > end)
        {
            return false;
        }

        for (var k = 0; k < parts.Length; k++)
        {
            if (!PartMatches(parts[k], tokens[index + k].Text))
            {
                return false;
            }
        }

        return notAfter is null || index == 0 || !string.Equals(tokens[index - 1].Text, notAfter, StringComparison.Ordinal);
    }

    private static bool PartMatches(string part, string text)
    {
        if (part == "#mag")
        {
            return IsMagnitude(text);
        }

        return part.EndsWith('*')
            ? text.StartsWith(part.AsSpan(0, part.Length - 1), StringComparison.Ordinal)
            : string.Equals(part, text, StringComparison.Ordinal);
    }

    private static bool IsMagnitude(string text)
    {
        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] == '.'))
        {
            digits++;
        }

        var suffix = text[digits..];
        return digits > 0 && suffix is "m" or "mm" or "b" or "bn";
    }
}

/// <summary>Synonymous terms that earn credit once per unit.</summary>
internal sealed class TermGroup(string key, int weight, params string[] patterns)
{
    private readonly Term[] terms = patterns.Select(p => new Term(p)).ToArray();

    public string Key { get; } = key;

    public int Weight { get; } = weight;

    public bool MatchesIn(IReadOnlyList<Token> tokens, int first, int count) => CountTokens(tokens, first, count) > 0;

    public bool MatchesIn(AnswerText text, Segment unit) => MatchesIn(text.Tokens, unit.FirstToken, unit.TokenCount);

    /// <summary>How many tokens in the range are covered by matches of this group.</summary>
    public int CountTokens(IReadOnlyList<Token> tokens, int first, int count) => Matches(tokens, first, count).Sum(m => m.Length);

    /// <summary>Non-overlapping matches in the range (longest term first at each position), as token index and length.</summary>
    public List<(int Index, int Length)> Matches(IReadOnlyList<Token> tokens, int first, int count)
    {
        var end = first + count;
        var found = new List<(int Index, int Length)>();
        var i = first;
        while (i < end)
        {
            var length = 0;
            foreach (var term in terms)
            {
                if (term.MatchesAt(tokens, i, end))
                {
                    length = Math.Max(length, term.Length);
                }
            }

            if (length > 0)
            {
                found.Add((i, length));
            }

            i += Math.Max(1, length);
        }

        return found;
    }
}
