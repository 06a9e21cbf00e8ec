using System.Globalization;
using System.Text;

namespace CoachBot.Core.Importing;

/// <summary>Line-level Markdown syntax used by the study-document parser: headings, bullets, bold labels, cleanup.</summary>
internal static class StudyDocumentText
{
    /// <summary>Splits on <c>\r\n</c>, <c>\n</c> or <c>\r</c>, dropping a leading byte-order mark.</summary>
    public static List<string> SplitLines(string text)
    {
        var start = 0;
        while (start < text.Length && text[start] == '\uFEFF')
        {
            start++;
        }

        var lines = new List<string>();
        var lineStart = start;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                lines.Add(text[lineStart..i]);
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                lineStart = i + 1;
            }
        }

        lines.Add(text[lineStart..]);
        return lines;
    }

    /// <summary>Number of leading spaces (a tab counts as four).</summary>
    public static int Indent(string line)
    {
        var indent = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                indent++;
            }
            else if (c == '\t')
            {
                indent += 4;
            }
            else
            {
                break;
            }
        }

        return indent;
    }

    /// <summary>An ATX heading: up to three spaces, 1–6 '#', then a space (or nothing).</summary>
    public static bool TryParseHeading(string line, out int level, out string text)
    {
        level = 0;
        text = string.Empty;
        var trimmed = line.TrimStart();
        if (line.Length - trimmed.Length > 3 || !trimmed.StartsWith('#'))
        {
            return false;
        }

        while (level < trimmed.Length && trimmed[level] == '#')
        {
            level++;
        }

        if (level > 6 || (level < trimmed.Length && trimmed[level] is not (' ' or '\t')))
        {
            return false;
        }

        text = trimmed[level..].Trim().TrimEnd('#').Trim();
        return true;
    }

    /// <summary>A list item: '-', '*' or '+' followed by whitespace, or "1." / "1)". Returns the item text.</summary>
    public static bool TryParseBullet(string line, out int indent, out string content, out int column)
    {
        indent = Indent(line);
        content = string.Empty;
        column = 0;
        var offset = line.Length - line.TrimStart().Length;
        var markerEnd = offset;
        if (markerEnd < line.Length && line[markerEnd] is '-' or '*' or '+')
        {
            markerEnd++;
        }
        else
        {
            while (markerEnd < line.Length && markerEnd - offset < 9 && char.IsAsciiDigit(line[markerEnd]))
            {
                markerEnd++;
            }

            if (markerEnd == offset || markerEnd >= line.Length || line[markerEnd] is not ('.' or ')'))
            {
                return false;
            }

            markerEnd++;
        }

        if (markerEnd < line.Length && line[markerEnd] is not (' ' or '\t'))
        {
            return false;
        }

        var contentStart = markerEnd;
        while (contentStart < line.Length && line[contentStart] is ' ' or '\t')
        {
            contentStart++;
        }

        content = line[contentStart..].TrimEnd();
        column = contentStart + 1;
        return true;
    }

    /// <summary>
    /// A bold label line: <c>**Label**:</c>, <c>**Label:**</c> or <c>**Label**</c> alone, optionally followed
    /// (after the colon) by inline text such as <c>**Scenario**: "…"</c>.
    /// </summary>
    public static bool TryParseLabel(string line, out string label, out string rest)
    {
        label = string.Empty;
        rest = string.Empty;
        var trimmed = line.Trim();
        if (trimmed.Length < 5 || !(trimmed.StartsWith("**", StringComparison.Ordinal) || trimmed.StartsWith("__", StringComparison.Ordinal)))
        {
            return false;
        }

        var close = trimmed.IndexOf(trimmed[..2], 2, StringComparison.Ordinal);
        if (close <= 2)
        {
            return false;
        }

        var inner = trimmed[2..close].Trim();
        var after = trimmed[(close + 2)..].Trim();
        if (inner.EndsWith(':'))
        {
            inner = inner.TrimEnd(':').Trim();
        }
        else if (after.StartsWith(':'))
        {
            after = after[1..].Trim();
        }
        else if (after.Length > 0)
        {
            return false;
        }

        label = inner;
        rest = after;
        return inner.Length > 0;
    }

    /// <summary>A fenced code block delimiter (``` or ~~~).</summary>
    public static bool IsFence(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
    }

    /// <summary>A thematic break such as <c>---</c>, <c>***</c> or <c>___</c>.</summary>
    public static bool IsRule(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 3 && trimmed.All(c => c is '-' or '*' or '_' or ' ' or '=');
    }

    /// <summary>Removes bold/italic-bold markers and trims.</summary>
    public static string CleanInline(string text) =>
        text.Replace("**", string.Empty, StringComparison.Ordinal)
            .Replace("__", string.Empty, StringComparison.Ordinal)
            .Trim();

    /// <summary>Removes one pair of surrounding quotes ("…", “…”, '…', ‘…’, «…»), keeping the text inside.</summary>
    public static string StripQuotes(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return trimmed;
        }

        char[]? closers = trimmed[0] switch
        {
            '"' => ['"', '\u201D'],
            '\u201C' or '\u201E' => ['\u201D', '\u201C', '"'],
            '\'' => ['\''],
            '\u2018' => ['\u2019'],
            '\u00AB' => ['\u00BB'],
            _ => null,
        };
        if (closers is null)
        {
            return trimmed;
        }

        var close = trimmed.LastIndexOfAny(closers);
        return (close > 0 ? trimmed[1..close] : trimmed[1..]).Trim();
    }

    /// <summary>Text for display (titles, names, messages): markers, emoji and stray symbols removed, spaces collapsed.</summary>
    public static string CleanDisplay(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in CleanInline(text).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                builder.Append(' ');
            }
            else if (!IsDecoration(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.TrimEnd(':').Trim();
    }

    /// <summary>Emoji and their modifiers, private-use characters and replacement characters.</summary>
    public static bool IsDecoration(Rune rune)
    {
        if (rune.Value is 0xFE0E or 0xFE0F or 0x200D or 0x20E3 or 0xFFFD)
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate => true,
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned => true,
            UnicodeCategory.ModifierSymbol => rune.Value > 0xFFFF,
            _ => false,
        };
    }
}
