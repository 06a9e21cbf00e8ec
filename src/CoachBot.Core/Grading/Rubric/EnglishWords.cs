using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>English stop words and a small suffix-stripping stemmer (culture-invariant).</summary>
internal static class EnglishWords
{
    private static readonly FrozenSet<string> Stop = new[]
    {
        "a", "an", "the", "and", "or", "but", "if", "so", "because", "as", "of", "to", "in", "on", "at", "by", "for",
        "with", "from", "into", "about", "than", "then", "that", "this", "these", "those", "it", "its", "is", "are",
        "was", "were", "be", "been", "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "can",
        "could", "should", "may", "might", "must", "we", "i", "you", "he", "she", "they", "them", "our", "us", "my",
        "me", "your", "their", "his", "her", "what", "which", "who", "when", "where", "why", "how", "not", "no", "all",
        "any", "each", "every", "more", "most", "some", "such", "only", "also", "just", "very", "there", "here", "up",
        "out", "over", "while", "without", "both", "one", "don't", "it's", "i'm", "i'd", "we're", "that's", "isn't",
        "won't", "can't", "too", "get", "got", "way", "much", "many", "even", "still", "well",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Words too general to count as evidence when deriving vocabulary from a model's description.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "security", "secure", "decision", "decisions", "solution", "solutions", "good", "evidence", "answer", "answers",
        "candidate", "show", "shows", "use", "using", "make", "makes", "thing", "things", "approach", "ability",
        "rather", "work", "works", "that", "like", "e.g", "etc", "example", "examples", "including", "specific",
    };

    private static readonly string[] Suffixes =
        ["ational", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ities", "ity", "ies", "ers", "er", "ed", "es", "ly", "s"];

    /// <summary><see cref="Suffixes"/> grouped by last letter, in their original order: a word only tries its own ending.</summary>
    private static readonly FrozenDictionary<char, string[]> SuffixesByLastChar =
        Suffixes.GroupBy(s => s[^1]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> StopBySpan = Stop.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsStopWord(string word) => Stop.Contains(word);

    /// <summary>The stop word spelled like <paramref name="word"/>, so a tokenizer can reuse it instead of allocating.</summary>
    public static bool TryGetStopWord(ReadOnlySpan<char> word, [NotNullWhen(true)] out string? stopWord) =>
        StopBySpan.TryGetValue(word, out stopWord);

    public static string Stem(string word)
    {
        var (keep, ies) = StemLength(word);
        return ies ? word[..keep] + "y" : keep == word.Length ? word : word[..keep];
    }

    /// <summary>
    /// How many leading characters of <paramref name="word"/> its stem keeps, and whether the stem then ends in an added
    /// "y" ("policies" → "polic" + "y"). Lets callers compare stems as spans without building strings.
    /// </summary>
    public static (int Keep, bool Ies) StemLength(string word)
    {
        if (word.Length == 0 || !SuffixesByLastChar.TryGetValue(word[^1], out var suffixes))
        {
            return (word.Length, false);
        }

        foreach (var suffix in suffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 4)
            {
                return (word.Length - suffix.Length, suffix == "ies");
            }
        }

        return (word.Length, false);
    }

    /// <summary>Distinct stems of the content words of <paramref name="text"/>, in order of first appearance.</summary>
    public static List<string> ContentStems(string text)
    {
        var stems = new List<string>();
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!token.HasLetter || token.Text.Length < 3 || Stop.Contains(token.Text) || Generic.Contains(token.Text))
            {
                continue;
            }

            var stem = Stem(token.Text);
            if (!stems.Contains(stem, StringComparer.Ordinal))
            {
                stems.Add(stem);
            }
        }

        return stems;
    }
}
