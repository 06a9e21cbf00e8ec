using CoachBot.Core.Messages;

namespace CoachBot.Core.Practice.Commands;

/// <summary>One chat command: the phrases that trigger it, its help line, who may run it, and its handler.</summary>
public interface IChatCommand
{
    /// <summary>Normalised phrases (lowercase, single spaces) that trigger the command, e.g. <c>practice</c>, <c>start</c>.</summary>
    IReadOnlyList<string> Triggers { get; }

    /// <summary>The one-line description shown by <c>help</c>, or <c>null</c> to keep it out of the list.</summary>
    string? Description { get; }

    /// <summary>How <c>help</c> shows the command (e.g. <c>use &lt;set&gt;</c>); <c>null</c>: its triggers.</summary>
    string? Usage => null;

    /// <summary>
    /// How many words may follow a trigger. 0 (the default): the whole text must be a trigger. More: the trigger
    /// may start the text and the rest is the command's arguments; text with more words than this is not the
    /// command (an answer that happens to start with a trigger stays an answer).
    /// </summary>
    int MaxArgumentWords => 0;

    /// <summary>
    /// What a non-admin is told only admins can do ("Only admins can {AdminAction}."), or <c>null</c> when anyone
    /// may run it. The router checks it before the command runs, so an admin command never sees a learner's turn.
    /// </summary>
    string? AdminAction => null;

    /// <summary>Handles the turn and returns the replies, in order.</summary>
    /// <param name="turn">The turn (its full text included).</param>
    /// <param name="arguments">The text after the trigger (original case, first line's leading spaces trimmed); empty for exact commands.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken);
}
