using System.Text.RegularExpressions;
using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Adjusts the overall score (−8…+8) by how well the answer has the shape its question type expects: a story
/// (situation, action, result) for examples, explicit trade-off reasoning for balance questions, and a thesis tied to
/// customers for concept and scenario questions.
/// </summary>
internal static partial class QuestionTypeAdjuster
{
    public static int Adjust(QuestionType type, AnswerText text)
    {
        var lower = text.ScoredLowerText();
        return type switch
        {
            QuestionType.ExampleStory => StoryAdjustment(lower),
            QuestionType.TradeOff => TradeOffAdjustment(lower),
            _ => ThesisAdjustment(text),
        };
    }

    private static int StoryAdjustment(string lower)
    {
        var parts = Count(SituationRegex().IsMatch(lower), ActionRegex().IsMatch(lower), StoryResultRegex().IsMatch(lower));
        return parts switch { 0 => -8, 1 => -3, 2 => 3, _ => 8 };
    }

    private static int TradeOffAdjustment(string lower)
    {
        var tension = FrictionRegex().IsMatch(lower) && ProtectionRegex().IsMatch(lower);
        var markers = Count(
            BalanceRegex().IsMatch(lower),
            RiskBasedRegex().IsMatch(lower),
            ContrastRegex().IsMatch(lower),
            tension,
            MeasureRegex().IsMatch(lower));
        return markers switch { 0 => -8, 1 => -3, 2 => 2, 3 => 5, _ => 8 };
    }

    private static int ThesisAdjustment(AnswerText text)
    {
        var tied = text.Units.Where((_, i) => DomainVocabulary.TiesCustomerToSecurity(text.TieBonuses[i])).Select(u => u.Sentence).ToList();
        if (tied.Count == 0)
        {
            return -6;
        }

        var firstSentences = text.Sentences.Take(2).Select(s => s.Sentence).ToList();
        return tied.Exists(firstSentences.Contains) ? 6 : 2;
    }

    private static int Count(params bool[] flags) => flags.Count(f => f);

    [GeneratedRegex(@"\b(?:when|while i was|at my (?:last|previous|current)|at (?:a|my) previous|in my (?:last|previous)|last (?:year|quarter)|one time|we had|there was|in (?:19|20)\d\d|back in|previously|were getting|used to)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SituationRegex();

    [GeneratedRegex(@"\b(?:i|we)\s+(?:\w+\s+)?(?:led|built|designed|launched|implemented|introduced|rolled|replaced|moved|added|proposed|created|automated|drove|owned|shipped|changed|migrated|deployed|updated|upgraded|ran|wrote|set up|partnered|worked|pushed|convinced|redesigned|removed)\b|\bmy (?:role|job) was\b|\bi was responsible\b|\bi led\b", RegexOptions.CultureInvariant)]
    private static partial Regex ActionRegex();

    [GeneratedRegex(@"\b(?:as a result|result(?:ed|ing)?|outcome|led to|fell|dropped|rose|improved|reduced|cut|decreased|increased|halved|doubled|declined|went (?:down|up)|within (?:\w+ )?(?:days|weeks|months|quarters?)|fewer|faster|less|no longer|went down|afterwards|since then|in the end)\b", RegexOptions.CultureInvariant)]
    private static partial Regex StoryResultRegex();

    [GeneratedRegex(@"\bbalanc\w*|\btrade[- ]?offs?\b|\btrading\b", RegexOptions.CultureInvariant)]
    private static partial Regex BalanceRegex();

    [GeneratedRegex(@"\brisk[- ]based\b|\bbased on (?:the )?risk\b|\brisk (?:score|signals?|level)\b|\bstep[- ]up\b|\badaptive\b|\bonly (?:when|on|for|sees)\b|\bhigh[- ]risk\b|\blow[- ]risk\b", RegexOptions.CultureInvariant)]
    private static partial Regex RiskBasedRegex();

    [GeneratedRegex(@"\bwhile\b|\bwithout\b|\brather than\b|\binstead of\b|\bversus\b|\bvs\.?(?!\w)|\bat the same time\b|\bboth\b", RegexOptions.CultureInvariant)]
    private static partial Regex ContrastRegex();

    [GeneratedRegex(@"\b(?:friction\w*|convenien\w*|ease|easy|seamless\w*|annoy\w*|painful|bothered|frictionless)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FrictionRegex();

    [GeneratedRegex(@"\b(?:protect\w*|secur\w*|safe\w*|fraud\w*|checks?|authenticat\w*|mfa)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProtectionRegex();

    [GeneratedRegex(@"\bmeasur\w*|\btrack\w*|\bmonitor\w*|\bfalse positives?\b|\bconversion\b|\bthresholds?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MeasureRegex();
}
