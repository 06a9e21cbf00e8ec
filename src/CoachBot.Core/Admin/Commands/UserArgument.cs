using System.Text.RegularExpressions;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary>The user an admin command names: the first @mention (AAD object id first), else the typed id (Slack's <c>&lt;@U123&gt;</c> read as <c>U123</c>).</summary>
public static partial class UserArgument
{
    /// <summary>The candidate ids, most preferred first; empty when none was given.</summary>
    public static IReadOnlyList<string> Ids(ChatTurn turn, string arguments)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Mentions is [var mention, ..])
        {
            return [.. new[] { mention.AadObjectId, mention.Id }.OfType<string>().Where(id => id.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];
        }

        if (CommandArguments.Words(arguments ?? string.Empty) is not [var word])
        {
            return [];
        }

        return SlackMention().Match(word) is { Success: true } slack ? [slack.Groups["id"].Value] : [word];
    }

    [GeneratedRegex("^<@(?<id>[A-Za-z0-9]+)(\\|[^>]*)?>$", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex SlackMention();
}
