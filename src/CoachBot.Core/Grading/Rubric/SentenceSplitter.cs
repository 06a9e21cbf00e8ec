using System.Buffers;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Splits an answer into sentences (terminal punctuation, line breaks, list items) and sentences into clauses
/// (commas, semicolons, colons, dashes). Returned spans are trimmed and never empty.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "approx", "incl", "inc", "no", "st", "u.s", "cf", "fig",
    };

    private const string Terminators = ".!?\u2026";
    private const string Closers = ".!?\u2026\"'\u201d\u2019)]";

    // Vectorized searches for the few characters that matter, instead of testing every character.
    private static readonly SearchValues<char> TerminatorValues = SearchValues.Create(Terminators);
    private static readonly SearchValues<char> LineBreaks = SearchValues.Create("\n\r");
    private static readonly SearchValues<char> ClauseBreakCandidates = SearchValues.Create(";:\u2014\u2013,-");

    public static List<AnswerSpan> Sentences(string text)
    {
        var result = new List<AnswerSpan>();
        var lineStart = 0;
        while (lineStart <= text.Length)
        {
            var found = text.AsSpan(lineStart).IndexOfAny(LineBreaks);
            var lineEnd = found < 0 ? text.Length : lineStart + found;

            SplitLine(text, SkipListMarker(text, lineStart, lineEnd), lineEnd, result);
            lineStart = lineEnd + 1;
        }

        return result;
    }

    public static List<AnswerSpan> Clauses(string text, AnswerSpan sentence)
    {
        var result = new List<AnswerSpan>();
        var start = sentence.Start;
        for (var i = NextCandidate(text, sentence.Start, sentence.End); i < sentence.End; i = NextCandidate(text, i + 1, sentence.End))
        {
            if (IsClauseBreak(text, i, sentence.End))
            {
                AddTrimmed(text, start, i, result);
                start = i + 1;
            }
        }

        AddTrimmed(text, start, sentence.End, result);
        return result;
    }

    /// <summary>The next character at or after <paramref name="from"/> that may break a clause, or <paramref name="end"/>.</summary>
    private static int NextCandidate(string text, int from, int end)
    {
        var at = text.AsSpan(from, end - from).IndexOfAny(ClauseBreakCandidates);
        return at < 0 ? end : from + at;
    }

    private static bool IsClauseBreak(string text, int i, int end) => text[i] switch
    {
        ';' or ':' or '\u2014' or '\u2013' => true,
        ',' => !(i > 0 && i + 1 < end && char.IsAsciiDigit(text[i - 1]) && char.IsAsciiDigit(text[i + 1])),
        '-' => i > 0 && i + 1 < end && text[i - 1] == ' ' && text[i + 1] == ' ',
        _ => false,
    };

    private static void SplitLine(string text, int start, int end, List<AnswerSpan> result)
    {
        var sentenceStart = start;
        var i = start;
        while (i < end)
        {
            var next = text.AsSpan(i, end - i).IndexOfAny(TerminatorValues);
            if (next < 0)
            {
                break;
            }

            i += next;
            var j = i + 1;
            while (j < end && Closers.Contains(text[j], StringComparison.Ordinal))
            {
                j++;
            }

            var atBoundary = j == end || char.IsWhiteSpace(text[j]);
            if (atBoundary && !(text[i] == '.' && IsAbbreviation(text, sentenceStart, i)))
            {
                AddTrimmed(text, sentenceStart, j, result);
                sentenceStart = j;
            }

            i = j;
        }

        AddTrimmed(text, sentenceStart, end, result);
    }

    private static bool IsAbbreviation(string text, int lineStart, int dot)
    {
        var k = dot;
        while (k > lineStart && (char.IsLetter(text[k - 1]) || text[k - 1] == '.'))
        {
            k--;
        }

        return k < dot && Abbreviations.Contains(text[k..dot].ToLowerInvariant());
    }

    private static int SkipListMarker(string text, int start, int end)
    {
        var i = start;
        while (i < end && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        if (i + 1 < end && "-*\u2022\u25aa\u25e6\u2023\u00b7".Contains(text[i], StringComparison.Ordinal) && char.IsWhiteSpace(text[i + 1]))
        {
            return i + 1;
        }

        var digits = i;
        while (digits < end && digits - i < 2 && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        var numbered = digits > i && digits + 1 < end && text[digits] is '.' or ')' && char.IsWhiteSpace(text[digits + 1]);
        return numbered ? digits + 1 : start;
    }

    private static void AddTrimmed(string text, int start, int end, List<AnswerSpan> result)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            result.Add(new AnswerSpan(start, end - start));
        }
    }
}
