using CoachBot.Core.Admin;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Channels;

/// <summary>One command in a shared place (the bot is @mentioned): its name, usage, who may run it, its handler.</summary>
public interface IChannelCommand
{
    /// <summary>The leading words that select it (normalised), e.g. <c>run now</c>.</summary>
    string Name { get; }

    /// <summary>Usage shown by help, e.g. <c>skip yyyy-mm-dd</c>.</summary>
    string Usage { get; }

    /// <summary>One-line description for help.</summary>
    string Description { get; }

    /// <summary>What a member is told only admins can do, or <c>null</c> when anyone may run it.</summary>
    string? AdminAction { get; }

    /// <summary>Handles the command; <paramref name="arguments"/> is the text after the name (original case, trimmed).</summary>
    Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>The routing table of channel commands: the longest command name that starts the text wins.</summary>
public sealed class ChannelCommandRouter
{
    private readonly IReadOnlyList<IChannelCommand> _byLength;
    private readonly AdminAccess _admins;

    /// <summary>Builds the table; a name claimed twice is a programming error.</summary>
    public ChannelCommandRouter(IEnumerable<IChannelCommand> commands, AdminAccess admins)
    {
        ArgumentNullException.ThrowIfNull(admins);
        Commands = [.. commands];
        if (Commands.GroupBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } clash)
        {
            throw new InvalidOperationException($"Channel command '{clash.Key}' is registered twice.");
        }

        _byLength = [.. Commands.OrderByDescending(c => c.Name.Length)];
        _admins = admins;
    }

    /// <summary>Every command, in registration (help) order.</summary>
    public IReadOnlyList<IChannelCommand> Commands { get; }

    /// <summary>The command <paramref name="text"/> starts with, and the rest of the text; or <c>null</c>.</summary>
    public (IChannelCommand Command, string Arguments)? Match(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var words = ChatCommandRouter.Normalize(trimmed.Length > 64 ? trimmed[..64] : trimmed);
        foreach (var command in _byLength)
        {
            if (words == command.Name || words.StartsWith(command.Name + " ", StringComparison.Ordinal))
            {
                return (command, ArgumentsAfter(trimmed, command.Name.Split(' ').Length));
            }
        }

        return null;
    }

    /// <summary>Runs the matched command, refusing admin-only ones to members.</summary>
    public async Task<IReadOnlyList<CoachMessage>> RouteAsync(ChannelTurn turn, IChannelCommand command, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(command);
        return command.AdminAction is { } action && !await _admins.IsAdminAsync([turn.UserId, turn.UserAadObjectId], cancellationToken)
            ? [StudyChannelMessages.OnlyAdmins(action)]
            : await command.HandleAsync(turn, arguments, cancellationToken);
    }

    private static string ArgumentsAfter(string text, int words)
    {
        var rest = text.AsSpan().Trim();
        for (var i = 0; i < words; i++)
        {
            var space = rest.IndexOfAny(' ', '\t', '\n');
            rest = space < 0 ? [] : rest[(space + 1)..].TrimStart();
        }

        return rest.ToString().Trim();
    }
}
