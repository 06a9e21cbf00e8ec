namespace CoachBot.Core.Grading.Rubric;

/// <summary>Splits text into lower-cased word and number tokens (culture-invariant, hyphens split words).</summary>
internal static class Tokenizer
{
    public static List<Token> Tokenize(string text)
    {
        // English prose averages about one token per five or six characters: one allocation instead of regrowths.
        var tokens = new List<Token>(text.Length / 5 + 4);
        Span<char> scratch = stackalloc char[64];
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerJoiner(text, i)))
            {
                i++;
            }

            tokens.Add(new Token(Normalize(text.AsSpan(start, i - start), scratch), start, i - start));
        }

        return tokens;
    }

    /// <summary>Apostrophes inside words ("don't") and separators inside numbers ("1.2", "1,500") stay in the token.</summary>
    private static bool IsInnerJoiner(string text, int i)
    {
        if (i == 0 || i + 1 >= text.Length)
        {
            return false;
        }

        var (before, c, after) = (text[i - 1], text[i], text[i + 1]);
        return c switch
        {
            '\'' or '\u2019' => char.IsLetter(before) && char.IsLetter(after),
            '.' or ',' => char.IsAsciiDigit(before) && char.IsAsciiDigit(after),
            _ => false,
        };
    }

    /// <summary>
    /// Lower-cases, straightens curly apostrophes and drops a possessive 's. Allocates only the result, and not even that
    /// for stop words (a good third of most answers), which reuse the stop-word list's strings.
    /// </summary>
    private static string Normalize(ReadOnlySpan<char> raw, Span<char> scratch)
    {
        var lower = raw.Length <= scratch.Length ? scratch[..raw.Length] : new char[raw.Length];
        raw.ToLowerInvariant(lower);
        lower.Replace('\u2019', '\'');
        var word = lower.EndsWith("'s") && lower.Length > 2 ? lower[..^2] : lower;
        return EnglishWords.TryGetStopWord(word, out var stopWord) ? stopWord : word.ToString();
    }
}
