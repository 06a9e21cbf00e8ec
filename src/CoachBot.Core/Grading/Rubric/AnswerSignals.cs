using System.Text.RegularExpressions;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>Surface statistics of an answer used by the flag detectors.</summary>
/// <param name="Words">Tokens with letters.</param>
/// <param name="Letters">Letters in the whole answer.</param>
/// <param name="StopRatio">Share of words that are English stop words.</param>
/// <param name="NonAsciiLetterRatio">Share of letters outside ASCII.</param>
/// <param name="RubricTokenRatio">Share of words covered by rubric vocabulary.</param>
/// <param name="RubricGroups">Distinct rubric term groups matched.</param>
/// <param name="ListShaped">True when the answer is mostly short comma/line separated items.</param>
/// <param name="Platitudes">Number of platitudes ("security is important", "prevents breaches").</param>
/// <param name="CausalLinks">Number of causal or reasoning words ("because", "so", "which", "cut", "lets"…).</param>
/// <param name="Repetitive">True when at least three sentences and at most half of them are distinct.</param>
internal sealed partial record AnswerSignals(
    int Words,
    int Letters,
    double StopRatio,
    double NonAsciiLetterRatio,
    double RubricTokenRatio,
    int RubricGroups,
    bool ListShaped,
    int Platitudes,
    int CausalLinks,
    bool Repetitive)
{
    public static AnswerSignals Measure(AnswerText text, IReadOnlyList<TermGroup> vocabulary)
    {
        var table = text.ScoredTable;
        var words = 0;
        var stop = 0;
        foreach (var token in table.Tokens)
        {
            if (token.HasLetter)
            {
                words++;
                stop += EnglishWords.IsStopWord(token.Text) ? 1 : 0;
            }
        }

        var covered = 0;
        var groups = 0;
        foreach (var group in vocabulary)
        {
            var count = group.CountTokens(table, 0, table.Count);
            covered += count;
            groups += count > 0 ? 1 : 0;
        }

        var scored = text.ScoredLowerText();
        var (letters, nonAscii) = CountLetters(text.Original);
        return new AnswerSignals(
            words,
            letters,
            words == 0 ? 0 : (double)stop / words,
            letters == 0 ? 0 : (double)nonAscii / letters,
            words == 0 ? 0 : Math.Min(1.0, (double)covered / words),
            groups,
            IsListShaped(scored),
            PlatitudeRegex().Count(scored),
            DomainVocabulary.CausalLink.CountTokens(table, 0, table.Count),
            IsRepetitive(text));
    }

    /// <summary>At least three sentences with words, and at most half of them distinct (same words, same order).</summary>
    private static bool IsRepetitive(AnswerText text)
    {
        var withWords = text.Sentences.Count(s => s.TokenCount > 0);
        if (withWords < 3)
        {
            return false;
        }

        var distinct = new HashSet<Segment>(new SameWords(text));
        foreach (var sentence in text.Sentences)
        {
            if (sentence.TokenCount > 0)
            {
                distinct.Add(sentence);
            }
        }

        return distinct.Count * 2 <= withWords;
    }

    private static (int Letters, int NonAscii) CountLetters(string text)
    {
        var letters = 0;
        var nonAscii = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                letters++;
                nonAscii += c > '\u007f' ? 1 : 0;
            }
        }

        return (letters, nonAscii);
    }

    /// <summary>
    /// True when the text splits into at least five items (at , ; newline • | /) and at least 80% of the non-blank items
    /// have at most three space-separated words. Walks the text as spans instead of splitting it into strings.
    /// </summary>
    private static bool IsListShaped(string lower)
    {
        var items = 0;
        var shortItems = 0;
        foreach (var range in lower.AsSpan().SplitAny(",;\n\u2022|/"))
        {
            var item = lower.AsSpan(range).Trim();
            if (item.IsEmpty)
            {
                continue;
            }

            items++;
            var words = 0;
            foreach (var word in item.Split(' '))
            {
                // Only "three words or fewer" matters, so stop counting at the fourth.
                words += item[word].IsEmpty ? 0 : 1;
                if (words > 3)
                {
                    break;
                }
            }

            shortItems += words <= 3 ? 1 : 0;
        }

        return items >= 5 && shortItems >= items * 0.8;
    }

    /// <summary>Sentences are equal when their token texts are (compared in place, without joining them into strings).</summary>
    private sealed class SameWords(AnswerText text) : IEqualityComparer<Segment>
    {
        public bool Equals(Segment? x, Segment? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.TokenCount != y.TokenCount)
            {
                return false;
            }

            for (var k = 0; k < x.TokenCount; k++)
            {
                if (!string.Equals(text.Tokens[x.FirstToken + k].Text, text.Tokens[y.FirstToken + k].Text, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(Segment obj)
        {
            var hash = new HashCode();
            for (var k = 0; k < obj.TokenCount; k++)
            {
                hash.Add(text.Tokens[obj.FirstToken + k].Text, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }

    [GeneratedRegex(
        @"\bprotects?\s+(?:the\s+|our\s+|your\s+)?(?:data|information|systems?)\b|\bprevents?\s+(?:data\s+)?breach|\bsecurity\s+is\s+(?:very\s+|really\s+|extremely\s+|super\s+|so\s+|obviously\s+|always\s+)?(?:important|critical|crucial|essential|key|vital|a\s+(?:top\s+)?priority|everyone'?s\s+(?:job|responsibility))"
        + @"|\bkeeps?\s+(?:us|everyone|everything|the\s+company|data|information|systems)\s+(?:safe|secure)\b|\bbest\s+practices\b|\bhackers\b|\bbad\s+actors\b"
        + @"|\bconfidentiality,?\s+integrity,?\s+(?:and\s+)?availability\b|\bcia\s+triad\b|\bsecurity\s+(?:comes\s+)?first\b|\bprotects?\s+the\s+company\b"
        + @"|\bit'?s\s+(?:very\s+|really\s+)?important\b|\bis\s+(?:also\s+)?important\b",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlatitudeRegex();
}
