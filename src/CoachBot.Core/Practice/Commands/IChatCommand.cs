using CoachBot.Core.Messages;

namespace CoachBot.Core.Practice.Commands;

/// <summary>One chat command: the phrases that trigger it, its help line, and its handler.</summary>
public interface IChatCommand
{
    /// <summary>Normalised phrases (lowercase, single spaces) that trigger the command, e.g. <c>practice</c>, <c>start</c>.</summary>
    IReadOnlyList<string> Triggers { get; }

    /// <summary>The one-line description shown by <c>help</c>, or <c>null</c> to keep it out of the list.</summary>
    string? Description { get; }

    /// <summary>Handles the turn and returns the replies, in order.</summary>
    Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, CancellationToken cancellationToken);
}
