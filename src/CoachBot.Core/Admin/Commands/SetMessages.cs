using System.Globalization;
using CoachBot.Core.Messages;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Admin.Commands;

/// <summary>What the admin commands say about question sets: the list, one set, its versions, an import.</summary>
public static class SetMessages
{
    /// <summary><c>admin sets</c>: id, title, version and question counts, the default marked.</summary>
    public static CoachMessage List(IReadOnlyList<QuestionSet> sets, string defaultSetId)
    {
        ArgumentNullException.ThrowIfNull(sets);
        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Question sets ({sets.Count})"), TextStyle.Heading),
                .. MessageLists.Facts([.. sets.Select(s => new CoachFact(s.Id, $"{s.Title} · v{s.Version} · {Questions(s)}{(s.Id == defaultSetId ? " · default" : string.Empty)}"))]),
                new TextBlock("Say admin set <id> for a set's questions, admin activate <id> to make it the default.", TextStyle.Subtle),
            ],
            Summary = string.Create(CultureInfo.InvariantCulture, $"{sets.Count} question sets"),
        };
    }

    /// <summary><c>admin set &lt;id&gt;</c>: the set's questions with their ids (disabled ones marked).</summary>
    public static CoachMessage Detail(QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock(set.Title, TextStyle.Heading),
                new TextBlock(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Id} · v{set.Version} · {Questions(set)} · {MessageLists.Counted(set.Models.Count, "mental model")} · {MessageLists.Counted(set.SuccessCriteria.Count, "success criterion", "success criteria")}"), TextStyle.Subtle),
                .. MessageLists.Facts([.. set.Questions.Select(q => new CoachFact(q.Enabled ? q.Id : $"{q.Id} (disabled)", MessageLists.Clip(q.Text, 140)))]),
                new TextBlock($"Say admin disable question {set.Id} <id> to stop asking one, admin add question {set.Id} <text> to add one.", TextStyle.Subtle),
            ],
            Actions = [new CoachAction("Versions", $"admin versions {set.Id}")],
            Summary = $"{set.Title} ({set.Id}) v{set.Version}",
        };
    }

    /// <summary><c>admin versions &lt;set&gt;</c>: newest first, who stored each and why.</summary>
    public static CoachMessage Versions(string setId, IReadOnlyList<QuestionSetVersionInfo> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return new CoachMessage
        {
            Blocks =
            [
                new TextBlock($"Versions of {setId}", TextStyle.Heading),
                .. MessageLists.Facts([.. versions.Select(v => new CoachFact(
                    string.Create(CultureInfo.InvariantCulture, $"v{v.Version}"),
                    string.Create(CultureInfo.InvariantCulture, $"{v.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {v.CreatedBy}: {v.Note ?? "stored"} · {MessageLists.Counted(v.Questions, "question")}")))]),
                new TextBlock($"Say admin rollback {setId} <version> to store an earlier version's content as the next version.", TextStyle.Subtle),
            ],
            Summary = string.Create(CultureInfo.InvariantCulture, $"{versions.Count} versions of {setId}"),
        };
    }

    /// <summary>"12 questions" or "12 questions (2 disabled)".</summary>
    public static string Questions(QuestionSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        var disabled = set.Questions.Count - set.EnabledQuestions.Count;
        var questions = MessageLists.Counted(set.Questions.Count, "question");
        return disabled == 0 ? questions : string.Create(CultureInfo.InvariantCulture, $"{questions} ({disabled} disabled)");
    }
}
