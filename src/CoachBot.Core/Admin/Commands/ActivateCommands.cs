using CoachBot.Core.Channels;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin activate &lt;set&gt;</c> in the 1:1 chat: the default set for everyone without a more specific choice.</summary>
public sealed class AdminActivateCommand(SetActivation activation) : AdminChatCommand
{
    public override string Name => "admin activate";

    public override string Usage => "admin activate <set id>";

    public override string Summary => "make a set the default (in a channel: admin activate <set id> here)";

    public override string AdminAction => "choose the active question set";

    public override int MaxArgumentWords => 2;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        switch (CommandArguments.Words(arguments))
        {
            case [var setId]:
                return [AdminMessages.Result(await activation.ActivateAsync(Actor(turn), setId, SetScope.Default, null, cancellationToken))];
            case [var setId, var scope] when scope.ToLowerInvariant() is "here" or "team":
                return [CoachMessage.FromText(
                    $"\"{scope.ToLowerInvariant()}\" chooses the set of a channel or group chat, and this is our 1:1 chat: mention me there with admin activate {setId} {scope.ToLowerInvariant()}. " +
                    $"In this chat, admin activate {setId} makes it the default for everyone; learners pick their own with use <set id>.")];
            default:
                return UsageReply();
        }
    }
}

/// <summary>
/// <c>admin activate &lt;set&gt; [here|team]</c> in a channel or group chat: <c>here</c> is this place's set, <c>team</c> the
/// Teams team's, neither the default. The channel router refuses it to members.
/// </summary>
public sealed class ActivateHereCommand(SetActivation activation, IStudyChannelStore places) : IChannelCommand
{
    public string Name => "admin activate";

    public string Usage => "admin activate <set id> [here|team]";

    public string Description => "choose the question set: here (this channel), team (every channel of the team), or the default";

    public string? AdminAction => "choose the active question set";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var (scope, key) = CommandArguments.Words(arguments) switch
        {
            [_] => (SetScope.Default, null),
            [_, var word] when word.Equals("here", StringComparison.OrdinalIgnoreCase) => (SetScope.Place, turn.Place.PlaceKey),
            [_, var word] when word.Equals("team", StringComparison.OrdinalIgnoreCase) => (SetScope.Team, turn.Place.TeamId ?? string.Empty),
            _ => ((SetScope?)null, (string?)null),
        };
        if (scope is not { } chosen)
        {
            return [CoachMessage.FromText($"Use: {Usage}")];
        }

        if (chosen == SetScope.Team && key is { Length: 0 })
        {
            return [CoachMessage.FromText("This conversation isn't part of a Teams team. Use admin activate <set id> here for this conversation.")];
        }

        var actor = new AdminActor(turn.UserId, turn.UserName, AdminVia.Chat);
        var result = await activation.ActivateAsync(actor, CommandArguments.Words(arguments)[0], chosen, key, cancellationToken);
        var schedule = (await places.GetSchedulesAsync(turn.Place.PlaceKey, cancellationToken)).LastOrDefault(s => s.Active);
        return result.Value is { } assignment && schedule is not null && schedule.SetId != assignment.SetId
            ? [CoachMessage.FromText($"{result.Message} The question of the day here still uses {schedule.SetId}; subscribe again to switch it.")]
            : [AdminMessages.Result(result)];
    }
}
