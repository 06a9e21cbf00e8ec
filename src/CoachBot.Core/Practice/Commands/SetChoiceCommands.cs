using System.Globalization;
using CoachBot.Core.Admin;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Practice.Commands;

/// <summary><c>sets</c>: the question sets a learner can practise, with ids and question counts.</summary>
public sealed class SetsCommand(IQuestionSetStore sets, PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["sets"];

    public string? Description => "The question sets you can practise, with their ids.";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var all = await sets.GetAllLatestAsync(cancellationToken);
        var mine = await practice.GetActiveSetAsync(turn.UserKey, cancellationToken);
        return [new CoachMessage
        {
            Blocks =
            [
                new TextBlock("Question sets", TextStyle.Heading),
                .. MessageLists.Facts([.. all.Select(s => new CoachFact(s.Id, string.Create(CultureInfo.InvariantCulture,
                    $"{s.Title} · {MessageLists.Counted(s.EnabledQuestions.Count, "question")}{(s.Id == mine.Id ? " · yours" : string.Empty)}")))]),
                new TextBlock("Say use <id> to practise a set, use default to go back to the default.", TextStyle.Subtle),
            ],
            Summary = string.Create(CultureInfo.InvariantCulture, $"{all.Count} question sets; you practise {mine.Id}"),
        }];
    }
}

/// <summary><c>use &lt;set&gt;</c> / <c>use default</c>: the learner's own choice of set (one word, so answers starting with "use" stay answers).</summary>
public sealed class UseCommand(SetActivation activation) : IChatCommand
{
    private static readonly CoachAction Practice = new("Start practice", "practice");

    public IReadOnlyList<string> Triggers => ["use"];

    public string? Description => "Practise another question set (sets lists them; use default to go back).";

    public string? Usage => "use <set id> / use default";

    public int MaxArgumentWords => 1;

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (CommandArguments.Words(arguments) is not [var setId])
        {
            return [CoachMessage.FromText("Say use <set id> to practise a set (sets lists them), or use default to go back.")];
        }

        var result = await activation.UseAsync(turn.UserKey, setId, cancellationToken);
        return [result.Succeeded ? CoachMessage.FromText(result.Message, Practice) : CoachMessage.FromText(result.Message)];
    }
}
