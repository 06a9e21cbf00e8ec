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
    public static List<Quantity> Find(string text, AnswerSpan span)
    {
        var slice = text.Substring(span.Start, span.Length);
        var found = new List<Quantity>();
        foreach (Match m in NumberRegex().Matches(slice))
        {
            if (!IsYear(m))
            {
                found.Add(new Quantity(span.Start + m.Index, m.Length, QuantityKind.Figure));
            }
        }

        foreach (Match m in SpelledRegex().Matches(slice))
        {
            found.Add(new Quantity(span.Start + m.Index, m.Length, QuantityKind.Figure));
        }

        foreach (Match m in PlaceholderRegex().Matches(slice))
        {
            found.Add(new Quantity(span.Start + m.Index, m.Length, QuantityKind.Placeholder));
        }

        return found.OrderBy(q => q.Start).ToList();
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
