using System.Globalization;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;

namespace CoachBot.Core.Admin.Commands;

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
