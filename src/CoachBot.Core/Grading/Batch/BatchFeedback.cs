using System.Globalization;
using CoachBot.Core.Messages;
using CoachBot.Core.Practice;

namespace CoachBot.Core.Grading.Batch;

/// <summary>
/// The <c>feedback</c> of one graded line: the score, which question the answer was graded against,
/// one line per mental model (level, score, the phrase that earned credit or what was missing) and the
/// tip. Built as a channel-neutral <see cref="CoachMessage"/> and written as its plain text.
/// </summary>
public static class BatchFeedback
{
    /// <summary>The feedback message for <paramref name="grade"/> of an answer to <paramref name="match"/>.</summary>
    public static CoachMessage For(GradeResult grade, QuestionMatch match)
    {
        ArgumentNullException.ThrowIfNull(grade);
        ArgumentNullException.ThrowIfNull(match);
        var blocks = new List<CoachBlock>
        {
            new TextBlock($"Score: {grade.Overall}/100", TextStyle.Heading),
            new TextBlock(MatchLine(match), TextStyle.Subtle),
            new FactsBlock(grade.Models.Select(ModelLine).ToList()),
        };
        if (!string.IsNullOrWhiteSpace(grade.Tip))
        {
            blocks.Add(new TextBlock($"Tip: {grade.Tip}"));
        }

        if (grade.IsFallback)
        {
            blocks.Add(new TextBlock(PracticeMessages.QuickGraderNote, TextStyle.Subtle));
        }

        return new CoachMessage { Blocks = blocks, Summary = $"Scored {grade.Overall}/100." };
    }

    private static string MatchLine(QuestionMatch match) => match.Kind switch
    {
        QuestionMatchKind.Id => $"Question {match.Question.Id} (matched by id).",
        QuestionMatchKind.ExactText => $"Question {match.Question.Id} (matched by text).",
        QuestionMatchKind.Closest => string.Create(CultureInfo.InvariantCulture,
            $"Question {match.Question.Id}, the closest match (similarity {match.Similarity:0.00}): \u201C{match.Question.Text}\u201D"),
        _ => "Not a question of this set: graded against all its mental models as a concept question.",
    };

    private static CoachFact ModelLine(ModelGrade m)
    {
        var detail = m.Evidence is { Length: > 0 } evidence ? $"\u201C{evidence}\u201D" : m.Missing ?? "no evidence";
        if (m.Evidence is { Length: > 0 } && m.Missing is not null && m.Level < EvidenceLevel.Solid)
        {
            detail += $" (missing: {m.Missing})";
        }

        return new CoachFact(m.Name, $"{m.Level} ({m.Score}): {detail}");
    }
}
