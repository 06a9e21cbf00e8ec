using System.Globalization;

namespace CoachBot.Core.Messages;

/// <summary>Long lists in messages, bounded: at most <see cref="MaxLines"/> lines, then "… and N more".</summary>
public static class MessageLists
{
    /// <summary>The most lines a list shows.</summary>
    public const int MaxLines = 20;

    /// <summary>At most <see cref="MaxLines"/> facts, then "… and N more" (N counted from <paramref name="total"/> when given; "N+" when it is a lower bound).</summary>
    public static IReadOnlyList<CoachBlock> Facts(IReadOnlyList<CoachFact> facts, int? total = null, bool atLeast = false)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return facts.Count == 0 ? [] : [new FactsBlock([.. facts.Take(MaxLines)]), .. More((total ?? facts.Count) - Math.Min(facts.Count, MaxLines), atLeast)];
    }

    /// <summary>At most <see cref="MaxLines"/> bulleted lines, then "… and N more".</summary>
    public static IReadOnlyList<CoachBlock> Lines(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return [.. lines.Take(MaxLines).Select(l => new TextBlock($"• {l}")), .. More(lines.Count - Math.Min(lines.Count, MaxLines), false)];
    }

    /// <summary>The text on one line, cut to <paramref name="max"/> characters with an ellipsis.</summary>
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1).TrimEnd(), "\u2026");
    }

    /// <summary>"1 question", "2 questions"; <paramref name="plural"/> for irregular ones ("criteria").</summary>
    public static string Counted(int count, string singular, string? plural = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? singular : plural ?? singular + "s")}");

    private static IEnumerable<CoachBlock> More(int more, bool atLeast)
    {
        if (more > 0)
        {
            yield return new TextBlock(string.Create(CultureInfo.InvariantCulture, $"\u2026 and {more}{(atLeast ? "+" : string.Empty)} more."), TextStyle.Subtle);
        }
    }
}
