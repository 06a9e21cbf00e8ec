using System.Text.RegularExpressions;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// Keeps an answer from closing (or re-opening) its own <c>&lt;answer&gt;</c> delimiter: any tag-like "answer" token,
/// with ASCII, full-width, angle-quote or HTML-escaped brackets and any spacing or case, becomes a harmless
/// <c>[answer]</c>. Everything else in the answer is passed on unchanged.
/// </summary>
internal static partial class AnswerDelimiter
{
    /// <summary>What a delimiter look-alike becomes.</summary>
    public const string Replacement = "[answer]";

    /// <summary>The answer with every delimiter look-alike replaced.</summary>
    public static string Neutralise(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return LookAlike().Replace(answer, Replacement);
    }

    // Opening bracket, optional slash, "answer", then (optionally) up to 40 characters of attributes and a closing bracket.
    [GeneratedRegex(
        @"(?:<|＜|﹤|‹|〈|⟨|&lt;?|&#0*60;|&#x0*3c;)\s*[/／]?\s*answer(?:[^<>＜＞﹤﹥‹›〈〉⟨⟩\r\n]{0,40}?(?:>|＞|﹥|›|〉|⟩|&gt;?|&#0*62;|&#x0*3e;))?",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LookAlike();
}
