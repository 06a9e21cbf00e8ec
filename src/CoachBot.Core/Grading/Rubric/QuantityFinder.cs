using System.Buffers;
using System.Text.RegularExpressions;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>What kind of figure a quantity is.</summary>
internal enum QuantityKind
{
    /// <summary>A real figure ("40%", "$18M", "3", "a quarter").</summary>
    Figure,

    /// <summary>A placeholder such as "$X billion" or "N%".</summary>
    Placeholder,
}

/// <summary>A figure found in the answer.</summary>
internal readonly record struct Quantity(int Start, int Length, QuantityKind Kind);

/// <summary>Finds figures in text: digits with units, spelled fractions, and placeholders. Years are ignored.</summary>
internal static partial class QuantityFinder
{
    /// <summary>
    /// Every alternative of <see cref="SpelledRegex"/> contains one of these (half/halved/halving, doubled, tripled,
    /// third(s), quarter(s), percent, -fold), so text without any of them is not worth running the regex over. The
    /// letters involved have no case variants beyond ASCII, so ordinal-ignore-case finds whatever the regex would.
    /// </summary>
    private static readonly SearchValues<string> SpelledWords =
        SearchValues.Create(["hal", "doubled", "tripled", "third", "quarter", "percent", "fold"], StringComparison.OrdinalIgnoreCase);

    public static List<Quantity> Find(string text, AnswerSpan span) => Find(text, span, out _);

    /// <summary>The figures in <paramref name="span"/>; <paramref name="anyMatch"/> is true when any pattern matched, years included.</summary>
    public static List<Quantity> Find(string text, AnswerSpan span, out bool anyMatch)
    {
        anyMatch = false;
        // Match(text, beginning, length) treats the span as the whole input (lookarounds stop at its edges), exactly like
        // matching a substring, without copying it; indexes are already positions in the whole text.
        var found = new List<Quantity>();
        for (var m = NumberRegex().Match(text, span.Start, span.Length); m.Success; m = m.NextMatch())
        {
            anyMatch = true;
            if (!IsYear(m))
            {
                found.Add(new Quantity(m.Index, m.Length, QuantityKind.Figure));
            }
        }

        if (text.AsSpan(span.Start, span.Length).ContainsAny(SpelledWords))
        {
            for (var m = SpelledRegex().Match(text, span.Start, span.Length); m.Success; m = m.NextMatch())
            {
                found.Add(new Quantity(m.Index, m.Length, QuantityKind.Figure));
            }
        }

        for (var m = PlaceholderRegex().Match(text, span.Start, span.Length); m.Success; m = m.NextMatch())
        {
            found.Add(new Quantity(m.Index, m.Length, QuantityKind.Placeholder));
        }

        anyMatch |= found.Count > 0;

        // The three kinds never start at the same character, so an unstable sort orders them like a stable one.
        found.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    private static bool IsYear(Match m) =>
        !m.Groups["cur"].Success && !m.Groups["unit"].Success && m.Groups["num"].Value.Length == 4
        && (m.Groups["num"].Value.StartsWith("19", StringComparison.Ordinal) || m.Groups["num"].Value.StartsWith("20", StringComparison.Ordinal));

    [GeneratedRegex(
        @"(?<![\w.$€£/])(?<cur>[$€£]\s?)?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)(?:\s?(?<unit>%|percent\b|percentage points?\b|pp\b|basis points?\b|bps\b|x\b|times\b|k\b|m\b|mm\b|bn\b|b\b|million\b|billion\b|thousand\b|trillion\b))?\+?(?!-[a-z])(?![a-z])(?!/)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NumberRegex();

    [GeneratedRegex(
        @"\b(?:half|halved|halving|doubled|tripled|a third|one third|a quarter|two thirds|three quarters|(?:ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?\s?percent|(?:two|three|four|five|ten)fold)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex SpelledRegex();

    [GeneratedRegex(
        @"(?<!\w)(?:[$€£]\s?[xny](?:\s?(?:million|billion|trillion|k|m|bn))?\b|[xn]\s?%|[xn]\s(?:million|billion|percent)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PlaceholderRegex();
}
