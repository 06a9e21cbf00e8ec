using System.Globalization;
using CoachBot.Core.Grading;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Practice;

/// <summary>The words of the practice flow, as channel-neutral <see cref="CoachMessage"/>s.</summary>
public static class PracticeMessages
{
    private static readonly CoachAction Retry = new("Retry", "retry");
    private static readonly CoachAction Next = new("Next question", "next");
    private static readonly CoachAction Stop = new("Stop", "stop");
    private static readonly CoachAction ExampleAction = new("Show example", "example");
    private static readonly CoachAction Practice = new("Start practice", "practice");
    private static readonly CoachAction HelpAction = new("Help", "help");

    public static CoachMessage Welcome(QuestionSet set) => new()
    {
        Blocks =
        [
            new TextBlock("Hi, I'm CoachBot, your interview-practice coach.", TextStyle.Heading),
            new TextBlock($"We'll practise with \"{set.Title}\": {set.EnabledQuestions.Count} questions, graded on {ModelNames(set)}."),
            new TextBlock("Type practice to get your first question, or help to see everything I can do."),
        ],
        Actions = [Practice, HelpAction],
        Summary = $"Hi, I'm CoachBot. Type practice to start \"{set.Title}\".",
    };

    public static CoachMessage Question(QuestionSet set, Question question, QuestionFraming framing)
    {
        var enabled = set.EnabledQuestions;
        var position = enabled.ToList().FindIndex(q => q.Id == question.Id) + 1;
        var lead = framing switch
        {
            QuestionFraming.Retry => "Try this one again. Aim higher on the weakest area from your feedback.",
            QuestionFraming.Review => "You've seen every question, so here's one of your lowest-scoring ones again.",
            QuestionFraming.StillOpen => "This question is still open. Reply with your answer, or type next to skip it.",
            _ => $"Answer in a few sentences. I'll grade it on {ModelNames(set)}.",
        };
        var heading = $"Question {position} of {enabled.Count} · {set.Title}";
        return new CoachMessage
        {
            Blocks = [new TextBlock(heading, TextStyle.Subtle), new TextBlock(question.Text, TextStyle.Quote), new TextBlock(lead)],
            Actions = [Next, Stop],
            Summary = $"Question {position} of {enabled.Count}: {question.Text}",
        };
    }

    /// <summary>Said with every grade the rubric grader gave because the AI grader was unavailable.</summary>
    public const string QuickGraderNote = "Graded by the quick grader: the AI grader is unavailable right now.";

    public static CoachMessage Feedback(QuestionSet set, Question question, Attempt attempt, Attempt? previous, bool regraded)
    {
        var grade = attempt.Grade;
        var blocks = new List<CoachBlock>
        {
            new TextBlock($"{(regraded ? "Re-graded your edited answer: " : "Your score: ")}{grade.Overall}/100", TextStyle.Heading),
        };
        if (previous is not null)
        {
            blocks.Add(new TextBlock(Delta(grade, previous.Grade)));
        }

        blocks.Add(new FactsBlock(grade.Models.Select(ModelLine).ToList()));
        if (!string.IsNullOrWhiteSpace(grade.Tip))
        {
            blocks.Add(new TextBlock($"Tip: {grade.Tip}"));
        }

        if (grade.Flags.Count > 0)
        {
            blocks.Add(new TextBlock($"Flags: {string.Join(", ", grade.Flags)}", TextStyle.Subtle));
        }

        if (grade.IsFallback)
        {
            blocks.Add(new TextBlock(QuickGraderNote, TextStyle.Subtle));
        }

        blocks.Add(new TextBlock(question.StrongAnswer is null
            ? "Type retry to try again, next for a new question, or stop."
            : "Type retry to try again, next for a new question, example to see a strong answer, or stop.", TextStyle.Subtle));
        return new CoachMessage
        {
            Blocks = blocks,
            Actions = question.StrongAnswer is null ? [Retry, Next, Stop] : [Retry, Next, ExampleAction, Stop],
            Summary = $"Your answer scored {grade.Overall}/100.",
        };
    }

    public static string Delta(GradeResult current, GradeResult previous)
    {
        var diff = current.Overall - previous.Overall;
        var head = diff switch
        {
            > 0 => $"+{diff} since your last try",
            < 0 => $"{diff} since your last try",
            _ => "Same score as your last try",
        };
        var changes = current.Models
            .Select(m => (m, before: previous.Models.FirstOrDefault(p => p.Slug == m.Slug)))
            .Where(x => x.before is not null && x.before.Level != x.m.Level)
            .Select(x => $"{x.m.Name} went from {x.before!.Level} to {x.m.Level}")
            .ToList();
        return changes.Count == 0 ? head + "." : $"{head}; {string.Join("; ", changes)}.";
    }

    public static CoachMessage Example(Question question) => question.StrongAnswer is null
        ? CoachMessage.FromText("This question has no example answer in the set yet. Type next for another question.", Next)
        : new CoachMessage
        {
            Blocks = [new TextBlock("A strong answer", TextStyle.Heading), new TextBlock(question.StrongAnswer, TextStyle.Quote),
                new TextBlock("Notice how it ties security to customers, scale, speed and a measurable result. Type retry to try again in your own words.")],
            Actions = [Retry, Next],
            Summary = "A strong example answer.",
        };

    public static CoachMessage Progress(ProgressReport report)
    {
        if (report.Attempts == 0)
        {
            return CoachMessage.FromText("No attempts yet. Type practice to answer your first question.", Practice);
        }

        var facts = new List<CoachFact>
        {
            new("Attempts", report.Attempts.ToString(CultureInfo.InvariantCulture)),
            new("Average", $"{report.Average}/100"),
            new("Best", $"{report.Best}/100"),
            new("Latest", $"{report.Latest}/100"),
        };
        facts.AddRange(report.ModelAverages.Select(m => new CoachFact(m.Name, $"{m.Average}/100 ({EvidenceLevels.For(m.Average)})")));
        var weakest = report.Weakest!.Value;
        return new CoachMessage
        {
            Blocks = [new TextBlock("Your progress", TextStyle.Heading), new FactsBlock(facts), new TextBlock($"Weakest area: {weakest.Name} ({weakest.Average}/100). Focus your next answers there.")],
            Actions = [Practice],
            Summary = $"{report.Attempts} attempts, average {report.Average}/100, weakest: {weakest.Name}.",
        };
    }

    public static CoachMessage Stopped(ProgressReport session)
    {
        var first = session.Attempts == 0
            ? "Session ended. You didn't answer any question this time."
            : $"Session ended: {session.Attempts} answer{(session.Attempts == 1 ? string.Empty : "s")}, average {session.Average}/100, best {session.Best}/100.";
        var second = session.Weakest is { } w
            ? $"Work on {w.Name} next time. Type practice whenever you're ready."
            : "Type practice whenever you're ready.";
        return new CoachMessage { Blocks = [new TextBlock(first), new TextBlock(second)], Actions = [Practice], Summary = first };
    }

    public static CoachMessage ForgetPrompt() => new()
    {
        Blocks =
        [
            new TextBlock("This permanently deletes everything I have about you: your answers, grades, sessions and profile."),
            new TextBlock("To go ahead, type forget me confirm or press the button."),
        ],
        Actions = [new CoachAction("Yes, delete my data", "forget me confirm")],
        Summary = "Confirm to delete all your data.",
    };

    public static CoachMessage Forgotten(ForgetResult result) => CoachMessage.FromText(
        $"Done. I deleted {result.Attempts} answer{(result.Attempts == 1 ? string.Empty : "s")}, {result.Sessions} session{(result.Sessions == 1 ? string.Empty : "s")} and your profile. Type practice to start fresh any time.");

    public static CoachMessage Help(IEnumerable<(string Command, string Description)> commands) => new()
    {
        Blocks = [new TextBlock("What I can do", TextStyle.Heading), new FactsBlock(commands.Select(c => new CoachFact(c.Command, c.Description)).ToList()),
            new TextBlock("While a question is open, anything else you type is your answer.", TextStyle.Subtle)],
        Actions = [Practice],
        Summary = "Commands: practice, next, retry, example, stop, progress, forget me.",
    };

    public static CoachMessage UnknownCommand() => CoachMessage.FromText("I didn't catch that. Type help to see what I can do, or practice to get a question.", HelpAction);

    public static CoachMessage PleaseTypeAnswer(bool hadAttachments) => CoachMessage.FromText(hadAttachments
        ? "I can only grade typed text, not attachments. Please type your answer; your question is still open."
        : "Please type your answer; your question is still open.");

    public static CoachMessage AnswerTooLong(int length, int max) => CoachMessage.FromText(string.Create(CultureInfo.InvariantCulture,
        $"That answer is {length:N0} characters; the limit is {max:N0}. Please shorten it and send it again. Your question is still open."));

    public static CoachMessage NothingToRetry() => CoachMessage.FromText("There's no open question to retry. Type practice to get one.", Practice);

    public static CoachMessage ExampleNeedsQuestion() => CoachMessage.FromText("There's no open question. Type practice to get one; after your first attempt I can show a strong example.", Practice);

    public static CoachMessage ExampleNeedsAttempt() => CoachMessage.FromText("Give it a try first. I'll show the strong example after your first attempt at this question.");

    public static CoachMessage NoSessionToStop() => CoachMessage.FromText("You don't have a practice session open. Type practice to start one.", Practice);

    public static CoachMessage OnlyLatestRegraded() => CoachMessage.FromText("I only re-grade edits to your latest answer; that one keeps its grade.");

    public static CoachMessage NoQuestions(QuestionSet set) => CoachMessage.FromText($"\"{set.Title}\" has no questions enabled right now. Ask an admin to enable some.");

    /// <summary>The turn's answer when grading takes longer than the reply deadline; the feedback follows as its own message.</summary>
    public static CoachMessage FeedbackFollows() =>
        CoachMessage.FromText("Got your answer. Grading it takes a moment; your feedback will follow here shortly.");

    public static CoachMessage SomethingWentWrong() => CoachMessage.FromText("Sorry, something went wrong on my side. Your work is saved; please try again in a moment.");

    private static CoachFact ModelLine(ModelGrade m)
    {
        var detail = m.Evidence is { Length: > 0 } evidence ? $"\u201C{evidence}\u201D" : m.Missing ?? "no evidence";
        if (m.Evidence is not null && m.Missing is not null && m.Level < EvidenceLevel.Solid)
        {
            detail += $" (missing: {m.Missing})";
        }

        return new CoachFact(m.Name, $"{m.Level} ({m.Score}): {detail}");
    }

    private static string ModelNames(QuestionSet set) => set.Models.Count switch
    {
        0 => "its rubric",
        1 => set.Models[0].Name,
        _ => string.Join(", ", set.Models.Take(set.Models.Count - 1).Select(m => m.Name)) + " and " + set.Models[^1].Name,
    };
}
