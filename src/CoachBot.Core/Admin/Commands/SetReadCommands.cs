using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin sets</c>: every set with its id, version and question counts.</summary>
public sealed class AdminSetsCommand(QuestionSetAdmin sets, SetActivation activation) : AdminChatCommand
{
    public override string Name => "admin sets";

    public override string Usage => "admin sets";

    public override string Summary => "every question set: id, title, version, questions";

    public override string AdminAction => "list the question sets for editing";

    public override int MaxArgumentWords => 0;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [SetMessages.List(await sets.ListAsync(cancellationToken), await activation.ResolveAsync(null, null, null, cancellationToken))];
}

/// <summary><c>admin set &lt;id&gt;</c>: a set's questions with their ids.</summary>
public sealed class AdminSetCommand(QuestionSetAdmin sets) : AdminChatCommand
{
    public override string Name => "admin set";

    public override string Usage => "admin set <set id>";

    public override string Summary => "a set's questions with their ids (disabled ones marked)";

    public override string AdminAction => "see a set's question ids";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (CommandArguments.Words(arguments) is not [var id])
        {
            return UsageReply();
        }

        return await sets.GetAsync(id, null, cancellationToken) is { } set
            ? [SetMessages.Detail(set)]
            : [NoSuchSet(id)];
    }

    /// <summary>The reply naming a set that does not exist.</summary>
    public static CoachMessage NoSuchSet(string id) =>
        CoachMessage.FromText($"There is no question set \"{Channels.Scheduling.ScheduleSpec.Clip(id)}\". Say admin sets to list them.");
}

/// <summary><c>admin versions &lt;set&gt;</c>: the set's versions, newest first.</summary>
public sealed class AdminVersionsCommand(QuestionSetAdmin sets) : AdminChatCommand
{
    public override string Name => "admin versions";

    public override string Usage => "admin versions <set id>";

    public override string Summary => "a set's versions: when, by whom, what changed";

    public override string AdminAction => "see a set's versions";

    public override int MaxArgumentWords => 1;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (CommandArguments.Words(arguments) is not [var id])
        {
            return UsageReply();
        }

        var result = await sets.GetVersionsAsync(id, cancellationToken);
        return result.Value is { } versions ? [SetMessages.Versions(id.ToLowerInvariant(), versions)] : [AdminMessages.Result(result)];
    }
}
