using System.Globalization;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Channels;

/// <summary>What the coach says in study channels (channel-neutral; rendered per channel by the bot layer).</summary>
public static class StudyChannelMessages
{
    public static CoachMessage Installed() => new()
    {
        Blocks =
        [
            new TextBlock("Hi, I'm CoachBot, your interview-practice coach.", TextStyle.Heading),
            new TextBlock("In this channel I can post a question of the day at a set local time. Reply in its thread and I grade your answer and send you feedback privately; at the end of the day I post a recap of where the group is strong and weak."),
            new TextBlock("An admin starts it with: @CoachBot subscribe daily 09:00 Europe/Berlin weekdays. Type @CoachBot help for every command. To practise on your own, message me 1:1."),
        ],
        Summary = "CoachBot can post a daily interview question here.",
    };

    public static CoachMessage Help(IEnumerable<(string Usage, string Description, bool AdminOnly)> commands) => new()
    {
        Blocks =
        [
            new TextBlock("Commands in this channel (mention me first)", TextStyle.Heading),
            new FactsBlock([.. commands.Select(c => new CoachFact(c.Usage, c.AdminOnly ? $"{c.Description} (admins)" : c.Description))]),
        ],
        Summary = "CoachBot channel commands",
    };

    public static CoachMessage OnlyAdmins(string action) =>
        CoachMessage.FromText($"Only admins can {action}. Ask one of this channel's CoachBot admins.");

    /// <summary>A <c>set &lt;id&gt;</c> that does not exist; leaving it out uses <paramref name="placeSetId"/>.</summary>
    public static CoachMessage NoSuchSet(string setId, string placeSetId) =>
        CoachMessage.FromText($"There's no question set '{Scheduling.ScheduleSpec.Clip(setId)}'. Leave out \"set …\" to use this channel's set, {placeSetId}.");

    public static CoachMessage UnknownCommand() =>
        CoachMessage.FromText("I didn't catch that. Mention me with help to see the channel commands, or reply in a question's thread to answer it.");

    public static CoachMessage DailyQuestion(QuestionSet set, Question question, DateTimeOffset recapDueUtc, TimeZoneInfo zone, PlaceKind kind = PlaceKind.TeamsChannel)
    {
        var how = kind == PlaceKind.TeamsChannel ? "Reply in this thread with your answer" : "Mention me with your answer";
        var models = set.Models.Count == 0 ? "the set's rubric" : string.Join(", ", set.Models.Select(m => m.Name));
        var recapLocal = TimeZoneInfo.ConvertTime(recapDueUtc, zone);
        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock($"Question of the day · {set.Title}", TextStyle.Heading),
                new TextBlock($"\u201C{question.Text}\u201D", TextStyle.Quote),
                new TextBlock($"Cover: {models}."),
                new TextBlock(string.Create(CultureInfo.InvariantCulture,
                    $"{how}: I'll grade it and send you feedback. Recap at {recapLocal:HH:mm} ({zone.Id})."), TextStyle.Subtle),
            ],
            Summary = $"Question of the day: {question.Text}",
        };
    }

    public static CoachMessage AnswerFeedback(QuestionSet set, Question question, GradeResult grade, int streak, bool regraded, bool publicReply, string? author)
    {
        var heading = regraded ? $"Re-graded your edited answer: {grade.Overall}/100" : $"Your score: {grade.Overall}/100";
        if (publicReply && author is { Length: > 0 })
        {
            heading = $"{author}, {char.ToLowerInvariant(heading[0])}{heading[1..]}";
        }

        var blocks = new List<CoachBlock>
        {
            new TextBlock(heading, TextStyle.Heading),
            new TextBlock($"Question of the day: \u201C{question.Text}\u201D", TextStyle.Subtle),
            new FactsBlock([.. grade.Models.Select(m => new CoachFact(m.Name, $"{m.Level} ({m.Score}){(m.Evidence is { Length: > 0 } e ? $": \u201C{e}\u201D" : m.Missing is { Length: > 0 } miss ? $": {miss}" : string.Empty)}"))]),
        };
        if (!string.IsNullOrWhiteSpace(grade.Tip))
        {
            blocks.Add(new TextBlock($"Tip: {grade.Tip}"));
        }

        if (grade.IsFallback)
        {
            blocks.Add(new TextBlock(Practice.PracticeMessages.QuickGraderNote, TextStyle.Subtle));
        }

        blocks.Add(new TextBlock(streak switch
        {
            <= 1 => "Streak: 1 question of the day answered. Come back for the next one!",
            _ => string.Create(CultureInfo.InvariantCulture, $"Streak: {streak} questions of the day in a row."),
        }, TextStyle.Subtle));
        return new CoachMessage { Blocks = blocks, Summary = $"Your answer to the question of the day in {set.Title} scored {grade.Overall}/100." };
    }

    public static CoachMessage AnswerNotGradable(string reason) => CoachMessage.FromText(reason);

    public static CoachMessage RecapMessage(QuestionSet set, Question question, Recap recap)
    {
        if (recap.Answers == 0)
        {
            return CoachMessage.FromText($"Recap: nobody answered \u201C{question.Text}\u201D. The next question comes at the usual time.");
        }

        var blocks = new List<CoachBlock>
        {
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Recap · {recap.Answers} {(recap.Answers == 1 ? "answer" : "answers")}"), TextStyle.Heading),
            new TextBlock($"\u201C{question.Text}\u201D", TextStyle.Subtle),
            new FactsBlock([.. recap.ModelAverages.Select(x => new CoachFact(x.Model.Name, string.Create(CultureInfo.InvariantCulture, $"class average {x.Average:0}/100")))]),
        };
        if (recap.Weakest is not null)
        {
            blocks.Add(new TextBlock($"Weakest area: {recap.Weakest.Name}. Tip: {recap.Tip}"));
        }

        if (recap.TopNamed.Count > 0)
        {
            blocks.Add(new TextBlock("Top answers", TextStyle.Heading));
            blocks.Add(new FactsBlock([.. recap.TopNamed.Select(t => new CoachFact(t.Name, string.Create(CultureInfo.InvariantCulture, $"{t.Score}/100 · streak {t.Streak}")))]));
        }

        blocks.Add(new TextBlock("Only members who said \"name me on\" are named here.", TextStyle.Subtle));
        return new CoachMessage { Blocks = blocks, Summary = string.Create(CultureInfo.InvariantCulture, $"Recap of {set.Title}: {recap.Answers} answers.") };
    }
}
