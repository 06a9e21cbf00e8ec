namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A parsed answer: the original text, its tokens, its sentences and the scoring units (every sentence plus, when a
/// sentence has several, its clauses). Units always point back into <see cref="Original"/>, so evidence is verbatim.
/// </summary>
internal sealed class AnswerText
{
    private AnswerText(string original, IReadOnlyList<Token> tokens, IReadOnlyList<Segment> sentences, IReadOnlyList<Segment> units)
    {
        Original = original;
        Tokens = tokens;
        Sentences = sentences;
        Units = units;
        WordCount = sentences.Sum(s => Enumerable.Range(s.FirstToken, s.TokenCount).Count(i => tokens[i].HasLetter));
    }

    public string Original { get; }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<Segment> Sentences { get; }

    public IReadOnlyList<Segment> Units { get; }

    /// <summary>Tokens containing at least one letter, in the scored sentences.</summary>
    public int WordCount { get; }

    public static AnswerText Parse(string answer)
    {
        var tokens = Tokenizer.Tokenize(answer);
        var sentences = new List<Segment>();
        var units = new List<Segment>();
        foreach (var span in SentenceSplitter.Sentences(answer))
        {
            var sentence = MakeSegment(tokens, span, sentences.Count, isSentence: true);
            sentences.Add(sentence);
            units.Add(sentence);
            var clauses = SentenceSplitter.Clauses(answer, span);
            if (clauses.Count > 1)
            {
                units.AddRange(clauses
                    .Select(c => MakeSegment(tokens, c, sentence.Sentence, isSentence: false))
                    .Where(c => c.TokenCount > 0));
            }
        }

        return new AnswerText(answer, tokens, sentences, units);
    }

    /// <summary>The same answer with some sentences (and their clauses) removed from scoring.</summary>
    public AnswerText WithoutSentences(IReadOnlySet<int> sentenceIndexes) => new(
        Original,
        Tokens,
        Sentences.Where(s => !sentenceIndexes.Contains(s.Sentence)).ToList(),
        Units.Where(u => !sentenceIndexes.Contains(u.Sentence)).ToList());

    public string TextOf(Segment segment) => Original.Substring(segment.Span.Start, segment.Span.Length);

    /// <summary>Lower-cased text of every scored sentence, joined by newlines (for phrase regexes).</summary>
    public string ScoredLowerText() => string.Join('\n', Sentences.Select(s => TextOf(s).ToLowerInvariant()));

    /// <summary>Tokens of the scored sentences only.</summary>
    public IEnumerable<Token> ScoredTokens() =>
        Sentences.SelectMany(s => Enumerable.Range(s.FirstToken, s.TokenCount).Select(i => Tokens[i]));

    private static Segment MakeSegment(List<Token> tokens, AnswerSpan span, int sentence, bool isSentence)
    {
        var first = tokens.FindIndex(t => t.Start >= span.Start);
        if (first < 0)
        {
            return new Segment(span, sentence, tokens.Count, 0, isSentence);
        }

        var count = 0;
        while (first + count < tokens.Count && tokens[first + count].Start < span.End)
        {
            count++;
        }

        return new Segment(span, sentence, first, count, isSentence);
    }
}
