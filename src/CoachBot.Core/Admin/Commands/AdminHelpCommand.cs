using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin help</c>: every admin command, built from the routing table (admins only).</summary>
public sealed class AdminHelpCommand(IServiceProvider services) : AdminChatCommand
{
    public override string Name => "admin help";

    public override string Usage => "admin help";

    public override string Summary => "this list";

    public override string AdminAction => "see the admin commands";

    public override int MaxArgumentWords => 0;

    public override Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        // Resolved lazily: the router depends on every command, including this one.
        var router = (ChatCommandRouter)services.GetService(typeof(ChatCommandRouter))!;
        return Task.FromResult<IReadOnlyList<CoachMessage>>([new CoachMessage
        {
            Blocks =
            [
                new TextBlock("Admin commands", TextStyle.Heading),
                new FactsBlock([.. router.Commands.OfType<AdminChatCommand>().Select(c => new CoachFact(c.Usage, c.Summary))]),
                new TextBlock("In a channel or group chat, mention me with admin activate <set id> here to choose that conversation's set.", TextStyle.Subtle),
            ],
            Summary = "CoachBot admin commands",
        }]);
    }
}
