using System.Globalization;
using System.Text.RegularExpressions;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin grant &lt;user&gt;</c>: makes a user (an id, or an @mention) an admin.</summary>
public sealed class AdminGrantCommand(AdminAccess access) : AdminChatCommand
{
    public override string Name => "admin grant";

    public override string Usage => "admin grant <user id or @mention>";

    public override string Summary => "make someone an admin";

    public override string AdminAction => "grant admin rights";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        // A Teams mention carries the AAD object id when it can: the id Teams admins are usually configured by.
        var ids = UserArgument.Ids(turn, arguments);
        return ids.Count == 0 ? UsageReply() : [AdminMessages.Result(await access.GrantAsync(Actor(turn), ids[0], cancellationToken))];
    }
}

/// <summary><c>admin revoke &lt;user&gt;</c>: removes a granted admin (configured admins and the last admin stay).</summary>
public sealed class AdminRevokeCommand(AdminAccess access) : AdminChatCommand
{
    public override string Name => "admin revoke";

    public override string Usage => "admin revoke <user id or @mention>";

    public override string Summary => "remove a granted admin (not configured ones, never the last)";

    public override string AdminAction => "revoke admin rights";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var ids = UserArgument.Ids(turn, arguments);
        if (ids.Count == 0)
        {
            return UsageReply();
        }

        // A mention names a user by two ids; revoke the one the admin list holds.
        var admins = await access.ListAdminsAsync(cancellationToken);
        var id = ids.FirstOrDefault(i => admins.Any(a => string.Equals(a.UserId, i, StringComparison.OrdinalIgnoreCase))) ?? ids[0];
        return [AdminMessages.Result(await access.RevokeAsync(Actor(turn), id, cancellationToken))];
    }
}

/// <summary><c>admin audit</c>: the latest admin changes, newest first.</summary>
public sealed class AdminAuditCommand(AuditLog audit) : AdminChatCommand
{
    public override string Name => "admin audit";

    public override string Usage => "admin audit";

    public override string Summary => "the latest admin changes: who, what, when, versions";

    public override string AdminAction => "read the audit log";

    public override int MaxArgumentWords => 0;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var entries = await audit.ReadAsync(0, AuditLog.MaxPage, null, cancellationToken);
        if (entries.Count == 0)
        {
            return [CoachMessage.FromText("The audit log is empty: no admin has changed anything yet.")];
        }

        return [new CoachMessage
        {
            Blocks =
            [
                new TextBlock("Audit log, newest first", TextStyle.Heading),
                .. MessageLists.Facts([.. entries.Take(MessageLists.MaxLines).Select(Line)], entries.Count, atLeast: entries.Count == AuditLog.MaxPage),
            ],
            Summary = string.Create(CultureInfo.InvariantCulture, $"The latest {Math.Min(entries.Count, MessageLists.MaxLines)} admin changes"),
        }];
    }

    private static CoachFact Line(AuditEntry e)
    {
        var versions = (e.BeforeVersion, e.AfterVersion) switch
        {
            ({ } before, { } after) => $" v{before} → v{after}",
            (null, { } after) => $" v{after}",
            _ => string.Empty,
        };
        var who = e.ActorName is { Length: > 0 } name && name != e.ActorId ? $"{name} ({e.ActorId})" : e.ActorId;
        var detail = e.Detail is { Length: > 0 } d ? $" · {MessageLists.Clip(d, 80)}" : string.Empty;
        return new CoachFact(
            e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{who} via {e.Via}: {e.Action} {e.Target}{versions}{detail}"));
    }
}

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
