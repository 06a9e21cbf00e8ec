using System.Text.RegularExpressions;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Finds sentences addressed to the grader rather than the interviewer ("ignore your rubric", "give me 100",
/// "you are now…"). Such sentences are never scored and cap the grade.
/// </summary>
internal static partial class PromptInjectionDetector
{
    /// <summary>Indexes of the sentences that contain an instruction to the grader.</summary>
    public static HashSet<int> FindSentences(AnswerText text)
    {
        var found = new HashSet<int>();
        foreach (var sentence in text.Sentences)
        {
            if (InjectionRegex().IsMatch(text.SpanOf(sentence)))
            {
                found.Add(sentence.Sentence);
            }
        }

        return found;
    }

    // Only IsMatch is asked, so the non-backtracking engine gives the same answers: it reads each character once,
    // where the backtracking engine tried some 25 alternatives at almost every character (one of them may start at any
    // whitespace), which made this check the slowest step of grading a long answer.
    [GeneratedRegex(
        @"\b(?:ignore|disregard|forget|override|bypass)\s+(?:all\s+|any\s+|the\s+|your\s+|my\s+|these\s+)*(?:previous\s+|prior\s+|above\s+|earlier\s+|original\s+|grading\s+|scoring\s+)*(?:instructions?|rules?|rubric|prompts?|guidelines|criteria|grading|scoring)\b"
        + @"|\b(?:give|award|grant|assign)\s+(?:me|this(?:\s+answer)?|my\s+answer|it)\s+(?:a\s+|an\s+|the\s+)?(?:full\s+marks|full\s+score|perfect|maximum|max|top\s+marks|100|10/10|an?\s+a\+?)\b"
        + @"|\b(?:score|rate|grade|mark)\s+(?:this|me|it|my\s+answer)(?:\s+answer)?\s+(?:as\s+|a\s+|an\s+|at\s+)?(?:100|10/10|perfect|strong|excellent|full|maximum|the\s+highest)"
        + @"|\bfull\s+marks\b|\b100\s*/\s*100\b|\byou\s+are\s+now\b|\bsystem\s+prompt\b|\bas\s+the\s+grader\b|\bact\s+as\s+(?:the|a|an)\b"
        + @"|\bas\s+an\s+ai\b|\b(?:dear|note\s+to(?:\s+the)?|attention)\s+(?:grader|evaluator|ai|model|llm)\b|\bgrader\s*:|\bnew\s+instructions\b"
        + @"|\b(?:evaluation|developer|god|admin)\s+mode\b|\bjailbreak|\bprompt\s+injection\b|<\s*/?\s*(?:system|assistant|instructions?)\s*>"
        + @"|(?:^|\n)\s*(?:system|assistant|developer)\s*:|\b(?:assign|award)\s+(?:a\s+)?(?:strong|100|full|perfect|max\w*|top|the\s+highest)\b"
        + @"|\b(?:deserves?|earns?)\s+(?:a\s+)?(?:100|10/10|full\s+marks|a\s+perfect|perfect|top\s+marks|the\s+highest)|\bthe\s+candidate\s+answer\s+(?:below|above)\b"
        + @"|\bthis\s+(?:is|was)\s+an?\s+(?:excellent|perfect|great|strong|outstanding|exemplary|flawless)\s+answer\b"
        + @"|\bpretend\s+(?:you|to\s+be)\b|\bthis\s+is\s+a\s+test\s+from\s+the\s+admin",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, matchTimeoutMilliseconds: 1000)]
    private static partial Regex InjectionRegex();
}
