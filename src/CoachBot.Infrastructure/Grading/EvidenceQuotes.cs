using System.Text;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// Checks that an evidence quote really occurs in the answer. Both sides are compared after normalising Unicode
/// compatibility forms (full-width letters, the ellipsis character), case, runs of whitespace, curly and straight
/// quotes, and dash variants; the quote's surrounding quote marks and punctuation are ignored. A quote the model
/// shortened with "..." matches when each part occurs, in order.
/// </summary>
internal sealed class EvidenceQuotes
{
    private readonly string[] answers;

    /// <summary>Prepares the answer texts a quote may come from (the answer as written and as sent).</summary>
    public EvidenceQuotes(params string[] answerTexts)
    {
        ArgumentNullException.ThrowIfNull(answerTexts);
        answers = answerTexts.Select(Normalise).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The quote with its surrounding quote marks, spaces and punctuation removed; empty if nothing is left.</summary>
    public static string Clean(string quote) =>
        (quote ?? string.Empty).Trim().Trim('"', '\'', '“', '”', '‘', '’', '«', '»', '`', ' ', '.', ',', ';', ':', '!', '?', '…').Trim();

    /// <summary><c>true</c> when <paramref name="quote"/> occurs in one of the answer texts.</summary>
    public bool Occurs(string quote)
    {
        var parts = Normalise(Clean(quote))
            .Split("...", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Trim('"', '\'', ' ', '.', ',', ';', ':'))
            .Where(p => p.Any(char.IsLetterOrDigit))
            .ToList();
        return parts.Count > 0 && answers.Any(answer => InOrder(answer, parts));
    }

    /// <summary>The comparison form: NFKC, lower case, one space for any whitespace run, plain quotes and hyphens.</summary>
    public static string Normalise(string text)
    {
        var source = (text ?? string.Empty).Normalize(NormalizationForm.FormKC);
        var result = new StringBuilder(source.Length);
        var pendingSpace = false;
        foreach (var c in source)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(Fold(c));
        }

        return result.ToString();
    }

    private static char Fold(char c) => c switch
    {
        '‘' or '’' or '‚' or '‛' or '′' or '`' or '´' => '\'',
        '“' or '”' or '„' or '‟' or '″' or '«' or '»' => '"',
        '‐' or '‑' or '‒' or '–' or '—' or '―' or '−' => '-',
        _ => char.ToLowerInvariant(c),
    };

    private static bool InOrder(string answer, List<string> parts)
    {
        var from = 0;
        foreach (var part in parts)
        {
            var at = answer.IndexOf(part, from, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            from = at + part.Length;
        }

        return true;
    }
}
