namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A word or phrase to look for among tokens. Pattern syntax: space-separated parts; a part ending in <c>*</c> is a
/// prefix; <c>#mag</c> matches magnitude tokens such as <c>200m</c> or <c>1.5b</c>; a leading <c>!word</c> means
/// "not directly after <c>word</c>" (e.g. <c>!zero trust*</c>).
/// </summary>
internal sealed class Term
{
    /// <summary>The longest phrase a term may have: match lengths are kept as bits of a byte (see <see cref="TokenTable"/>).</summary>
    public const int MaxWords = 8;

    private readonly Part[] parts;
    private readonly string? notAfter;

    public Term(string pattern)
    {
        var words = pattern.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1 && words[0].StartsWith('!'))
        {
            notAfter = words[0][1..];
            words = words[1..];
        }

        if (words.Length > MaxWords)
        {
            throw new ArgumentException($"A term has at most {MaxWords} words: '{pattern}'.", nameof(pattern));
        }

        parts = words.Select(Part.Parse).ToArray();
    }

    private enum PartKind
    {
        Exact,
        Prefix,
        Magnitude,
    }

    public int Length => parts.Length;

    /// <summary>True for a single word with no "not after" condition: matching its first word is matching the term.</summary>
    public bool IsSingleWord => parts.Length == 1 && notAfter is null;

    /// <summary>
    /// The first word as a <see cref="TermIndex"/> key (its text, and whether tokens need only start with it), or
    /// <c>null</c> for <c>#mag</c>, which matches tokens by their shape.
    /// </summary>
    public (string Text, bool IsPrefix)? FirstWord =>
        parts.Length == 0 || parts[0].Kind == PartKind.Magnitude ? null : (parts[0].Text, parts[0].Kind == PartKind.Prefix);

    /// <summary>True when the term matches at <paramref name="index"/> and fits before the end of the token list.</summary>
    public bool MatchesAt(ReadOnlySpan<Token> tokens, int index)
    {
        if (index + parts.Length > tokens.Length)
        {
            return false;
        }

        for (var k = 0; k < parts.Length; k++)
        {
            if (!parts[k].Matches(tokens[index + k].Text))
            {
                return false;
            }
        }

        return notAfter is null || index == 0 || !string.Equals(tokens[index - 1].Text, notAfter, StringComparison.Ordinal);
    }

    /// <summary>One word of a pattern, parsed once: an exact word, a prefix (its text without the <c>*</c>) or <c>#mag</c>.</summary>
    private readonly record struct Part(string Text, PartKind Kind)
    {
        public static Part Parse(string word) => word switch
        {
            "#mag" => new(word, PartKind.Magnitude),
            _ when word.EndsWith('*') => new(word[..^1], PartKind.Prefix),
            _ => new(word, PartKind.Exact),
        };

        public bool Matches(string token) => Kind switch
        {
            PartKind.Exact => string.Equals(Text, token, StringComparison.Ordinal),
            PartKind.Prefix => token.StartsWith(Text, StringComparison.Ordinal),
            _ => IsMagnitude(token),
        };
    }

    private static bool IsMagnitude(string text)
    {
        var digits = 0;
        while (digits < text.Length && (char.IsAsciiDigit(text[digits]) || text[digits] == '.'))
        {
            digits++;
        }

        var suffix = text.AsSpan(digits);
        return digits > 0 && (suffix is "m" or "mm" or "b" or "bn");
    }
}

/// <summary>
/// Synonymous terms that earn credit once per unit. Matching runs once per answer (see <see cref="TokenTable"/>); the
/// range queries below then only read the recorded match lengths.
/// </summary>
internal sealed class TermGroup
{
    public TermGroup(string key, int weight, params string[] patterns)
    {
        Key = key;
        Weight = weight;

        // Zero-length terms can never be credited (a match must cover a token), so they are dropped here.
        Terms = patterns.Select(p => new Term(p)).Where(t => t.Length > 0).ToArray();
    }

    public IReadOnlyList<Term> Terms { get; }

    public string Key { get; }

    public int Weight { get; }

    public bool MatchesIn(AnswerText text, Segment unit) => MatchesIn(text.Table, unit.FirstToken, unit.TokenCount);

    /// <summary>True when a term of this group matches inside the range (and fits before its end).</summary>
    public bool MatchesIn(TokenTable table, int first, int count) => AnyIn(table.LengthsOf(this), first, count);

    /// <summary>
    /// <see cref="MatchesIn(TokenTable, int, int)"/> on lengths fetched once (<see cref="TokenTable.LengthsOf"/>), for
    /// callers that ask the same group about every unit.
    /// </summary>
    public static bool AnyIn(byte[] lengths, int first, int count)
    {
        // Most tokens match nothing: jump from match to match with a vectorized search for the next non-zero entry.
        var end = first + count;
        for (var i = NextMatch(lengths, first, end); i < end; i = NextMatch(lengths, i + 1, end))
        {
            if ((lengths[i] & Fitting(end - i)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How many tokens in the range are covered by matches of this group.</summary>
    public int CountTokens(TokenTable table, int first, int count)
    {
        var lengths = table.LengthsOf(this);
        var end = first + count;
        var covered = 0;
        var i = NextMatch(lengths, first, end);
        while (i < end)
        {
            var length = LongestAt(lengths, i, end);
            covered += length;
            i = NextMatch(lengths, i + Math.Max(1, length), end);
        }

        return covered;
    }

    /// <summary>
    /// Non-overlapping matches in the range, as token index and length. Read like a reader: at each token the longest
    /// fitting term wins, then matching resumes after it.
    /// </summary>
    public List<(int Index, int Length)> Matches(TokenTable table, int first, int count)
    {
        var lengths = table.LengthsOf(this);
        var end = first + count;
        var found = new List<(int Index, int Length)>();
        var i = NextMatch(lengths, first, end);
        while (i < end)
        {
            var length = LongestAt(lengths, i, end);
            if (length > 0)
            {
                found.Add((i, length));
            }

            i = NextMatch(lengths, i + Math.Max(1, length), end);
        }

        return found;
    }

    /// <summary>
    /// Bit <c>L - 1</c> of entry <c>i</c> is set when a term of <c>L</c> words matches at token <c>i</c> (fitting before
    /// the end of the list). Tries every term at every token: used for groups outside <see cref="TermIndex.Shared"/>,
    /// which are derived from a custom model and hold a single term each.
    /// </summary>
    public byte[] MatchLengths(ReadOnlySpan<Token> tokens)
    {
        var lengths = new byte[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            foreach (var term in Terms)
            {
                if (term.MatchesAt(tokens, i))
                {
                    lengths[i] |= (byte)(1 << (term.Length - 1));
                }
            }
        }

        return lengths;
    }

    /// <summary>The first token at or after <paramref name="from"/> where some term matches, or <paramref name="end"/>.</summary>
    private static int NextMatch(byte[] lengths, int from, int end)
    {
        var at = from < end ? lengths.AsSpan(from, end - from).IndexOfAnyExcept((byte)0) : -1;
        return at < 0 ? end : from + at;
    }

    /// <summary>The length of the longest term matching at <paramref name="index"/> and ending by <paramref name="end"/>, or 0.</summary>
    private static int LongestAt(byte[] lengths, int index, int end)
    {
        var fitting = lengths[index] & Fitting(end - index);
        return fitting == 0 ? 0 : 32 - int.LeadingZeroCount(fitting);
    }

    /// <summary>The length bits of terms with at most <paramref name="remaining"/> words.</summary>
    private static int Fitting(int remaining) => remaining >= Term.MaxWords ? 0xFF : (1 << remaining) - 1;
}
