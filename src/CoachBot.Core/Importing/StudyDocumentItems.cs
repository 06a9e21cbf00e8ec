using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>Parses individual list items of a study document: mental models, criteria, scenario answers.</summary>
internal static class StudyDocumentItems
{
    private static readonly string[] GenericMarkers = ["\u274C", "\u2717", "\u2718", "\u26D4", "\U0001F6AB", "\U0001F44E"];
    private static readonly string[] StrongMarkers = ["\u2705", "\u2714", "\u2713", "\u2611", "\U0001F44D", "\u2B50", "\U0001F31F"];

    private static readonly string[] GenericWords =
        ["generic", "weak", "bad", "poor", "typical", "average", "basic", "mediocre", "wrong", "vague"];

    /// <summary>Markdown bold removed, then one pair of surrounding quotes removed.</summary>
    public static string Quoted(string text) => StudyDocumentText.StripQuotes(StudyDocumentText.CleanInline(text));

    /// <summary>A success criterion: the <c>[ ]</c>/<c>[x]</c> checkbox and bold markers removed.</summary>
    public static string Criterion(string item)
    {
        var text = item.TrimStart();
        if (text.Length >= 3 && text[0] == '[' && text[2] == ']' && text[1] is ' ' or 'x' or 'X')
        {
            text = text[3..];
        }

        return StudyDocumentText.CleanInline(text);
    }

    /// <summary>
    /// <c>**Name**: description</c>, <c>Name: description</c> or just <c>Name</c>; <paramref name="column"/> is where
    /// the item text starts and the result's column is where the name starts.
    /// </summary>
    public static StudyDocumentModelItem? ParseModel(string item, int line, int column)
    {
        var text = item.TrimStart();
        column += item.Length - text.Length;
        string name;
        string rest;
        var close = text.StartsWith("**", StringComparison.Ordinal) ? text.IndexOf("**", 2, StringComparison.Ordinal) : -1;
        if (close > 2)
        {
            name = text[2..close];
            rest = text[(close + 2)..];
            column += 2;
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            name = text[..colon];
            rest = text[(colon + 1)..];
        }
        else
        {
            name = text;
            rest = string.Empty;
        }

        name = StudyDocumentText.CleanDisplay(name);
        var description = StudyDocumentText.CleanInline(rest.TrimStart().TrimStart(':', '-', '\u2013', '\u2014'));
        return name.Length > 0 ? new StudyDocumentModelItem(name, description, line, column) : null;
    }

    /// <summary>
    /// Reads a scenario answer bullet such as <c>❌ **Generic**: "…"</c> or <c>✅ **Amazon-Specific**: "…"</c>.
    /// Generic when marked ❌ (or similar) or labelled generic/weak/…; otherwise strong when marked ✅ or labelled.
    /// The first answer of each kind wins; unmarked, unlabelled bullets are ignored.
    /// </summary>
    public static void ApplyAnswer(StudyDocumentScenario scenario, string item)
    {
        var generic = GenericMarkers.Any(m => item.Contains(m, StringComparison.Ordinal));
        var strong = StrongMarkers.Any(m => item.Contains(m, StringComparison.Ordinal));
        var text = SkipDecoration(item);
        string? label = null;
        var close = text.StartsWith("**", StringComparison.Ordinal) ? text.IndexOf("**", 2, StringComparison.Ordinal) : -1;
        if (close > 2)
        {
            label = text[2..close].Trim().TrimEnd(':');
            text = text[(close + 2)..].TrimStart();
            text = text.StartsWith(':') ? text[1..] : text;
        }
        else if (text.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 and <= 40
                 && text.IndexOfAny(['"', '\u201C']) is var quote && (quote < 0 || colon < quote))
        {
            label = text[..colon];
            text = text[(colon + 1)..];
        }

        if (label is not null)
        {
            var key = StudyDocumentWords.Key(label);
            generic |= GenericWords.Any(w => StudyDocumentWords.HasPhrase(key, w));
        }

        var answer = Quoted(text);
        if (answer.Length == 0)
        {
            return;
        }

        if (generic)
        {
            scenario.GenericAnswer ??= answer;
        }
        else if (strong || label is not null)
        {
            scenario.StrongAnswer ??= answer;
        }
    }

    /// <summary>Skips leading emoji, symbols and whitespace so the item starts at its label or text.</summary>
    private static string SkipDecoration(string text)
    {
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && !StudyDocumentText.IsDecoration(rune))
            {
                break;
            }

            index += rune.Utf16SequenceLength;
        }

        return text[index..];
    }
}
