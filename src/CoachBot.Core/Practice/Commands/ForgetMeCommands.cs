using CoachBot.Core.Messages;

namespace CoachBot.Core.Practice.Commands;

/// <summary><c>forget me</c>: asks for explicit confirmation; deletes nothing.</summary>
public sealed class ForgetMeCommand : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["forget me"];

    public string? Description => "Delete everything I have about you (asks for confirmation).";

    public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CoachMessage>>([PracticeMessages.ForgetPrompt()]);
}

/// <summary><c>forget me confirm</c>: deletes every record about the learner, everywhere.</summary>
public sealed class ForgetMeConfirmCommand(PracticeService practice, IEnumerable<ILearnerDataEraser> erasers) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["forget me confirm"];

    public string? Description => null;

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var result = await practice.ForgetAsync(turn.UserKey, cancellationToken);
        var other = 0;
        foreach (var eraser in erasers)
        {
            other += await eraser.EraseAsync(turn, cancellationToken);
        }

        return [PracticeMessages.Forgotten(result with { ConversationRecords = result.ConversationRecords + other })];
    }
}

/// <summary><c>help</c>: one line per command, built from the routing table itself.</summary>
public sealed class HelpCommand(IServiceProvider services) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["help", "commands", "?"];

    public string? Description => "Show this list.";

    public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        // Resolved lazily: the router depends on every command, including this one.
        var router = (ChatCommandRouter)services.GetService(typeof(ChatCommandRouter))!;
        var lines = router.Commands
            .Where(c => c.Description is not null)
            .Select(c => (c.Usage ?? string.Join(" / ", c.Triggers.Where(t => t != "?")), c.Description!));
        return Task.FromResult<IReadOnlyList<CoachMessage>>([PracticeMessages.Help(lines)]);
    }
}
