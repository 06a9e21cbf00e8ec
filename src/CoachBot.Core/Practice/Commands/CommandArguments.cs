namespace CoachBot.Core.Practice.Commands;

/// <summary>Reads a command's arguments: ids as words (surrounding quotes and punctuation dropped), free text kept as typed.</summary>
public static class CommandArguments
{
    private static readonly char[] Surrounding = ['"', '\'', '`', '.', ',', ';', ':', '!', '?', '(', ')', '\u201C', '\u201D', '\u2018', '\u2019'];

    /// <summary>The words of <paramref name="arguments"/>, each without surrounding quotes and punctuation.</summary>
    public static IReadOnlyList<string> Words(string arguments) =>
        [.. (arguments ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(w => w.Trim(Surrounding)).Where(w => w.Length > 0)];

    /// <summary>The first word (an id) and the text after it, as typed (trimmed).</summary>
    public static (string First, string Remainder) FirstAndRest(string arguments)
    {
        var text = (arguments ?? string.Empty).Trim();
        var space = text.AsSpan().IndexOfAny(' ', '\t', '\n');
        return space < 0
            ? (text.Trim(Surrounding), string.Empty)
            : (text[..space].Trim(Surrounding), text[(space + 1)..].Trim());
    }
}
