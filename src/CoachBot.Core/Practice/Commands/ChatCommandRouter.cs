using System.Text;
using CoachBot.Core.Messages;

namespace CoachBot.Core.Practice.Commands;

/// <summary>
/// The routing table of the 1:1 chat: normalised text → command. Text that matches no command is the
/// answer to the open question, or earns a one-line hint when no question is open.
/// </summary>
public sealed class ChatCommandRouter
{
    private readonly Dictionary<string, IChatCommand> _table = new(StringComparer.Ordinal);
    private readonly PracticeService _practice;

    /// <summary>Builds the table; a trigger claimed by two commands is a programming error.</summary>
    public ChatCommandRouter(IEnumerable<IChatCommand> commands, PracticeService practice)
    {
        _practice = practice;
        Commands = [.. commands];
        foreach (var command in Commands)
        {
            foreach (var trigger in command.Triggers)
            {
                if (!_table.TryAdd(Normalize(trigger), command))
                {
                    throw new InvalidOperationException($"Chat trigger '{trigger}' is claimed by two commands.");
                }
            }
        }
    }

    /// <summary>Every registered command, in registration order.</summary>
    public IReadOnlyList<IChatCommand> Commands { get; }

    /// <summary>The command <paramref name="text"/> triggers, or <c>null</c>.</summary>
    public IChatCommand? Match(string text) => _table.GetValueOrDefault(Normalize(text));

    /// <summary>Routes one turn and returns the replies.</summary>
    public async Task<IReadOnlyList<CoachMessage>> RouteAsync(ChatTurn turn, CancellationToken cancellationToken = default)
    {
        await _practice.TouchAsync(turn, cancellationToken);
        if (Match(turn.Text) is { } command)
        {
            return await command.HandleAsync(turn, cancellationToken);
        }

        // Not a command: the answer to the open question, or (none open) the hint to type help.
        return [await _practice.AnswerAsync(turn, cancellationToken)];
    }

    /// <summary>Lowercases, trims surrounding punctuation and whitespace, and collapses inner whitespace.</summary>
    public static string Normalize(string text)
    {
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
}
