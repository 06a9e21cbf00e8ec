using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Messages;
using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Practice.Commands;

/// <summary>
/// The routing table of the 1:1 chat: normalised text → command. A command that takes arguments also matches when
/// its trigger starts the text (the longest trigger wins). Admin-only commands are refused here, before they run,
/// to anyone who is not an admin. Text that matches no command is the answer to the open question, or earns a
/// one-line hint when no question is open.
/// </summary>
public sealed partial class ChatCommandRouter
{
    private readonly Dictionary<string, IChatCommand> _table = new(StringComparer.Ordinal);
    private readonly List<(string Trigger, int Words, IChatCommand Command)> _leading = [];
    private readonly PracticeService _practice;
    private readonly AdminAccess _admins;
    private readonly ILogger<ChatCommandRouter> _logger;

    /// <summary>Builds the table; a trigger claimed by two commands is a programming error.</summary>
    public ChatCommandRouter(IEnumerable<IChatCommand> commands, PracticeService practice, AdminAccess admins, ILogger<ChatCommandRouter> logger)
    {
        _practice = practice;
        _admins = admins;
        _logger = logger;
        Commands = [.. commands];
        foreach (var command in Commands)
        {
            foreach (var trigger in command.Triggers)
            {
                var normalized = Normalize(trigger);
                if (!_table.TryAdd(normalized, command))
                {
                    throw new InvalidOperationException($"Chat trigger '{trigger}' is claimed by two commands.");
                }

                if (command.MaxArgumentWords > 0)
                {
                    _leading.Add((normalized, normalized.Split(' ').Length, command));
                }
            }
        }

        _leading.Sort((a, b) => b.Trigger.Length.CompareTo(a.Trigger.Length));
    }

    /// <summary>Every registered command, in registration order.</summary>
    public IReadOnlyList<IChatCommand> Commands { get; }

    /// <summary>The command <paramref name="text"/> triggers, or <c>null</c>.</summary>
    public IChatCommand? Match(string text) => Find(text)?.Command;

    /// <summary>The command <paramref name="text"/> triggers and its arguments, or <c>null</c>.</summary>
    public (IChatCommand Command, string Arguments)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_table.TryGetValue(Normalize(text), out var exact))
        {
            return (exact, string.Empty);
        }

        var start = text.TrimStart();
        var head = Normalize(start.Length > 64 ? start[..64] : start);
        foreach (var (trigger, words, command) in _leading)
        {
            if (head.StartsWith(trigger + " ", StringComparison.Ordinal))
            {
                var arguments = ArgumentsAfter(start, words);
                return HasAtMostWords(arguments, command.MaxArgumentWords) ? (command, arguments) : null;
            }
        }

        return null;
    }

    /// <summary>Routes one turn and returns the replies.</summary>
    public async Task<IReadOnlyList<CoachMessage>> RouteAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        await _practice.TouchAsync(turn, cancellationToken);
        if (Find(turn.Text) is not { } match)
        {
            // Not a command: the answer to the open question, or (none open) the hint to type help.
            return [await _practice.AnswerAsync(turn, cancellationToken)];
        }

        if (match.Command.AdminAction is { } action && !await _admins.IsAdminAsync(turn.AdminIds, cancellationToken))
        {
            LogRefused(_logger, match.Command.Triggers[0], turn.ChannelId);
            return [OnlyAdmins(action)];
        }

        return await match.Command.HandleAsync(turn, match.Arguments, cancellationToken);
    }

    /// <summary>What a non-admin is told, with nothing changed.</summary>
    public static CoachMessage OnlyAdmins(string action) => CoachMessage.FromText($"Only admins can {action}.");

    /// <summary>Lowercases, trims surrounding punctuation and whitespace, and collapses inner whitespace.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 64)
        {
            return string.Empty; // no command is that long; avoid work on long answers
        }

        var trimmed = text.Trim().Trim('.', ',', '!', '?', ';', ':', '"', '\'', '`', '*', '_', '(', ')', '[', ']', '\u2026', '\u201C', '\u201D', '\u2018', '\u2019', ' ');
        if (trimmed.Length == 0)
        {
            return text.Trim() == "?" ? "?" : string.Empty;
        }

        var sb = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    /// <summary>The text after its first <paramref name="words"/> words: line breaks kept, the first line's leading spaces trimmed.</summary>
    private static string ArgumentsAfter(string text, int words)
    {
        var i = 0;
        for (var w = 0; w < words; w++)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        return text[i..].TrimStart(' ', '\t').TrimEnd();
    }

    private static bool HasAtMostWords(string text, int max)
    {
        var words = 0;
        for (var i = 0; i < text.Length && words <= max; i++)
        {
            if (!char.IsWhiteSpace(text[i]) && (i == 0 || char.IsWhiteSpace(text[i - 1])))
            {
                words++;
            }
        }

        return words <= max;
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Information, Message = "Refused the admin command {Command} to a non-admin on {ChannelId}")]
    private static partial void LogRefused(ILogger logger, string command, string channelId);
}
