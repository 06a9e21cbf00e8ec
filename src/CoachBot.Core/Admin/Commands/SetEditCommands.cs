using System.Globalization;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;
using CoachBot.Core.Practice.Commands;

namespace CoachBot.Core.Admin.Commands;

/// <summary><c>admin add question &lt;set&gt; &lt;text&gt;</c>: appends a question (next free <c>qN</c> id) as a new version.</summary>
public sealed class AdminAddQuestionCommand(QuestionSetAdmin sets) : AdminChatCommand
{
    public override string Name => "admin add question";

    public override string Usage => "admin add question <set id> <question text>";

    public override string Summary => "add a question (stores a new version)";

    public override string AdminAction => "add questions";

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        var (setId, text) = CommandArguments.FirstAndRest(arguments);
        if (setId.Length == 0 || text.Length == 0)
        {
            return UsageReply();
        }

        var result = await sets.AddQuestionAsync(Actor(turn), setId, new QuestionDraft(text), expectedVersion: null, cancellationToken);
        if (result.Value is not { } set || !result.Succeeded)
        {
            return [AdminMessages.Result(result)];
        }

        var added = set.Questions[^1];
        return [new CoachMessage
        {
            Blocks = [new TextBlock(result.Message), new FactsBlock([new CoachFact("New question", $"{added.Id}: {MessageLists.Clip(added.Text, 140)}")])],
            Actions = [new CoachAction("Show the set", $"admin set {set.Id}")],
            Summary = result.Message,
        }];
    }
}

/// <summary><c>admin disable question &lt;set&gt; &lt;qid&gt;</c>: the question is never asked again (a new version).</summary>
public sealed class AdminDisableQuestionCommand(QuestionSetAdmin sets) : QuestionSwitchCommand(sets, enabled: false)
{
    public override string Name => "admin disable question";

    public override string Summary => "stop asking a question (stores a new version)";

    public override string AdminAction => "disable questions";
}

/// <summary><c>admin enable question &lt;set&gt; &lt;qid&gt;</c>: asks a disabled question again (a new version).</summary>
public sealed class AdminEnableQuestionCommand(QuestionSetAdmin sets) : QuestionSwitchCommand(sets, enabled: true)
{
    public override string Name => "admin enable question";

    public override string Summary => "ask a disabled question again (stores a new version)";

    public override string AdminAction => "enable questions";
}

/// <summary>Disable and enable: the same two arguments, one flag apart.</summary>
public abstract class QuestionSwitchCommand(QuestionSetAdmin sets, bool enabled) : AdminChatCommand
{
    public override string Usage => $"{Name} <set id> <question id>";

    public override int MaxArgumentWords => 2;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (CommandArguments.Words(arguments) is not [var setId, var questionId])
        {
            return UsageReply();
        }

        return [AdminMessages.Result(await sets.SetQuestionEnabledAsync(Actor(turn), setId, questionId, enabled, expectedVersion: null, cancellationToken))];
    }
}

/// <summary><c>admin rollback &lt;set&gt; &lt;version&gt;</c>: stores an earlier version's content as the next version.</summary>
public sealed class AdminRollbackCommand(QuestionSetAdmin sets) : AdminChatCommand
{
    public override string Name => "admin rollback";

    public override string Usage => "admin rollback <set id> <version>";

    public override string Summary => "store an earlier version's content as the next version";

    public override string AdminAction => "roll back question sets";

    public override int MaxArgumentWords => 2;

    public override async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        if (CommandArguments.Words(arguments) is not [var setId, var versionText]
            || !int.TryParse(versionText.TrimStart('v', 'V'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return UsageReply();
        }

        return [AdminMessages.Result(await sets.RollbackAsync(Actor(turn), setId, version, expectedVersion: null, cancellationToken))];
    }
}
