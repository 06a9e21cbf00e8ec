using System.Globalization;
using System.Text;
using CoachBot.Core.Grading.Rubric;
using CoachBot.Core.Importing;

namespace CoachBot.Core.Grading.Batch;

/// <summary>
/// The comparable forms of a question's text: a normalised string for exact matching and a set of
/// content terms for the closest-match similarity.
/// </summary>
internal static class QuestionText
{
    /// <summary>Words that say how to answer rather than what the question is about.</summary>
    private static readonly HashSet<string> PromptWords = new(StringComparer.Ordinal)
    {
        "tell", "explain", "describe", "give", "please", "question", "talk", "walk",
    };

    /// <summary>
    /// Mojibake repaired, compatibility-normalised, diacritics and apostrophes removed, lower-cased,
    /// every run of other non-letter, non-digit characters turned into one space, trimmed.
    /// "How does Security relate to customer-trust at Amazon?" becomes "how does security relate to customer trust at amazon".
    /// </summary>
    public static string Normalize(string text)
    {
        var decomposed = MojibakeRepair.Repair(text).Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                // "Amazon's" and "Amazon’s" compare equal; "é" compares equal to "e".
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>The distinct stems of the normalised text's content words (stop words and prompt words left out).</summary>
    public static IReadOnlyList<string> Terms(string normalized) =>
        normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !EnglishWords.IsStopWord(w) && !PromptWords.Contains(w))
            .Select(EnglishWords.Stem)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
