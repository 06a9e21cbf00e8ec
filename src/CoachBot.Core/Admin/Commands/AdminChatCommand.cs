using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary>
/// An admin command of the 1:1 chat. The router refuses it to anyone who is not an admin (<see cref="AdminAction"/>)
/// before it runs; <c>admin help</c> lists it (<see cref="Usage"/>, <see cref="Summary"/>), the learners' help never does.
/// </summary>
public abstract class AdminChatCommand : IChatCommand
{
    /// <summary>The words that select it, e.g. <c>admin add question</c>.</summary>
    public abstract string Name { get; }

    /// <summary>How to type it, e.g. <c>admin set &lt;id&gt;</c>.</summary>
    public abstract string Usage { get; }

    /// <summary>One line for <c>admin help</c>.</summary>
    public abstract string Summary { get; }

    /// <summary>What a learner is told only admins can do, e.g. <c>import question sets</c>.</summary>
    public abstract string AdminAction { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Triggers => [Name];

    /// <summary>Admin commands stay out of the learners' help.</summary>
    public string? Description => null;

    /// <summary>
    /// Commands that take ids override this with their exact count, so an answer that merely starts with their name
    /// ("Admin set up MFA for…") stays an answer; free-text commands (import, add question) take any text.
    /// </summary>
    public virtual int MaxArgumentWords => int.MaxValue;

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken);

    /// <summary>The admin behind the turn, as the audit log records them.</summary>
    protected static AdminActor Actor(ChatTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return new AdminActor(turn.UserId ?? turn.UserKey, turn.UserName, AdminVia.Chat);
    }

    /// <summary>The reply to missing or unreadable arguments.</summary>
    protected IReadOnlyList<CoachMessage> UsageReply(string? problem = null) =>
        [CoachMessage.FromText(problem is null ? $"Use: {Usage}" : $"{problem} Use: {Usage}")];
}
