using System.Text;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Importing;

/// <summary>Word-level helpers for the study-document parser: heading keys, slugs, stems and question types.</summary>
internal static class StudyDocumentWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "across", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "but", "by",
        "can", "do", "does", "each", "every", "for", "from", "has", "have", "how", "in", "into", "is", "it", "its",
        "more", "most", "new", "not", "of", "on", "or", "our", "rather", "show", "than", "that", "the", "their",
        "them", "then", "there", "these", "they", "this", "those", "to", "use", "using", "very", "was", "we",
        "were", "what", "when", "where", "which", "while", "who", "why", "will", "with", "work", "you", "your",
    };

    private static readonly string[] Suffixes =
        ["ations", "ation", "ments", "ment", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s"];

    private static readonly string[] ExampleStoryOpenings =
    [
        "give an example", "give me an example", "tell me about a time", "describe a time", "share an example",
        "describe a situation", "tell me about a situation", "walk me through a time",
    ];

    private static readonly string[] TradeOffWords = ["balance", "trade-off", "tradeoff", "trade off", "versus"];

    /// <summary>
    /// A normalised key for matching headings and labels: lowercase letters and digits separated by single spaces,
    /// apostrophes dropped, emoji/punctuation/markers ignored, leading numbering ("1.", "2)") removed.
    /// </summary>
    public static string Key(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 256));
        var pendingSpace = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }

            if (Rune.IsLetterOrDigit(rune))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(Rune.ToLowerInvariant(rune).ToString());
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        var tokens = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = 0;
        while (first < tokens.Length && tokens[first].All(char.IsAsciiDigit))
        {
            first++;
        }

        return string.Join(' ', tokens[first..]);
    }

    /// <summary>True when <paramref name="key"/> contains <paramref name="phrase"/> as whole words.</summary>
    public static bool HasPhrase(string key, string phrase) =>
        $" {key} ".Contains($" {phrase} ", StringComparison.Ordinal);

    /// <summary>True when <paramref name="key"/> contains any of <paramref name="phrases"/> as whole words.</summary>
    public static bool HasAnyPhrase(string key, params string[] phrases) => phrases.Any(p => HasPhrase(key, p));

    /// <summary>Lowercase ASCII letters and digits joined by single hyphens ("Zürich's Café" → "zurichs-cafe").</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 256));
        var pendingHyphen = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\'' or '\u2019' or '\u2018')
            {
                continue;
            }

            var ascii = ToAsciiLetterOrDigit(rune);
            if (ascii is { } c)
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Content-word stems of <paramref name="text"/> (stop words and words under three letters dropped).</summary>
    public static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length >= 3 && !StopWords.Contains(word))
            {
                stems.Add(Stem(word));
            }
        }

        return stems;
    }

    /// <summary>A deliberately crude suffix-stripping stemmer ("quantified" and "quantify" → "quantify").</summary>
    public static string Stem(string word)
    {
        foreach (var suffix in Suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3)
            {
                word = word[..^suffix.Length] + (suffix is "ied" or "ies" ? "y" : string.Empty);
                break;
            }
        }

        return word.Length > 4 && word.EndsWith('e') ? word[..^1] : word;
    }

    /// <summary>Infers the kind of answer a listed (non-scenario) question expects.</summary>
    public static QuestionType InferQuestionType(string question)
    {
        var lower = question.Trim().ToLowerInvariant();
        if (ExampleStoryOpenings.Any(o => lower.StartsWith(o, StringComparison.Ordinal)))
        {
            return QuestionType.ExampleStory;
        }

        if (TradeOffWords.Any(w => lower.Contains(w, StringComparison.Ordinal)) || HasPhrase(Key(lower), "vs"))
        {
            return QuestionType.TradeOff;
        }

        return QuestionType.Concept;
    }

    private static char? ToAsciiLetterOrDigit(Rune rune)
    {
        if (rune.IsAscii)
        {
            var c = (char)rune.Value;
            return char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : null;
        }

        if (!Rune.IsLetter(rune))
        {
            return null;
        }

        // Drop diacritics: the first character of the canonical decomposition ("ü" → "u" + U+0308).
        var decomposed = rune.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0]) ? char.ToLowerInvariant(decomposed[0]) : null;
    }
}
