using System.Text.RegularExpressions;

namespace CoachBot.Core.Importing;

/// <summary>
/// YAML 1.2 core-schema resolution of plain (unquoted) scalars: <c>null</c>, <c>~</c> and nothing are null;
/// <c>true</c>/<c>false</c> are booleans; integers and floats are numbers; anything else is a string. The reader uses
/// it to type values, the writer to quote strings that would otherwise read back as something else.
/// </summary>
internal static partial class YamlScalars
{
    /// <summary>What an unquoted scalar written as <paramref name="plain"/> means.</summary>
    public static ScalarKind Resolve(string plain) => plain switch
    {
        "" or "~" or "null" or "Null" or "NULL" => ScalarKind.Null,
        "true" or "True" or "TRUE" or "false" or "False" or "FALSE" => ScalarKind.Boolean,
        _ when NumberPattern().IsMatch(plain) => ScalarKind.Number,
        _ => ScalarKind.String,
    };

    /// <summary>
    /// True when an unquoted <paramref name="text"/> would not read back as the same string here, or in a YAML 1.1
    /// reader (which takes yes/no/on/off as booleans): the writer quotes it.
    /// </summary>
    public static bool NeedsQuotes(string text) =>
        Resolve(text) != ScalarKind.String
        || text.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n";

    /// <summary>The canonical text of a boolean literal ("True" → "true").</summary>
    public static string CanonicalBoolean(string plain) => plain.ToLowerInvariant();

    [GeneratedRegex(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();
}
