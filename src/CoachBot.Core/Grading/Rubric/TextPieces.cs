namespace CoachBot.Core.Grading.Rubric;

/// <summary>A character range of the original answer.</summary>
internal readonly record struct AnswerSpan(int Start, int Length)
{
    public int End => Start + Length;
}

/// <summary>A lower-cased word or number of the answer (possessive <c>'s</c> removed) and where it starts.</summary>
internal readonly record struct Token(string Text, int Start, int Length)
{
    public bool IsNumeric => Text.Length > 0 && char.IsAsciiDigit(Text[0]);

    public bool HasLetter
    {
        get
        {
            foreach (var c in Text)
            {
                if (char.IsLetter(c))
                {
                    return true;
                }
            }

            return false;
        }
    }
}

/// <summary>A sentence or a clause of a sentence, with the tokens inside it.</summary>
/// <param name="Span">Trimmed character range in the original answer.</param>
/// <param name="Sentence">Index of the sentence this unit belongs to.</param>
/// <param name="FirstToken">Index of the first token inside the unit.</param>
/// <param name="TokenCount">Number of tokens inside the unit.</param>
/// <param name="IsSentence">True for a whole sentence, false for a clause.</param>
internal sealed record Segment(AnswerSpan Span, int Sentence, int FirstToken, int TokenCount, bool IsSentence);
