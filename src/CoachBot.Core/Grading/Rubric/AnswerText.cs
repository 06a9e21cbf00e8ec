namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A parsed answer: the original text, its tokens, its sentences and the scoring units (every sentence plus, when a
/// sentence has several, its clauses). Units always point back into <see cref="Original"/>, so evidence is verbatim.
/// Derived views (scored tokens, lower-cased text, term matches, the impact report) are computed once per answer and
/// cached here, because several detectors ask for them.
/// </summary>
internal sealed class AnswerText
{
    private List<Token>? scoredTokens;
    private TokenTable? scoredTable;
    private string? scoredLowerText;
    private ImpactReport? impact;
    private int[]? tieBonuses;

    private AnswerText(string original, TokenTable table, IReadOnlyList<Segment> sentences, IReadOnlyList<Segment> units)
    {
        Original = original;
        Table = table;
        Sentences = sentences;
        Units = units;
        var scoredCount = 0;
        foreach (var sentence in sentences)
        {
            scoredCount += sentence.TokenCount;
            for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
            {
                WordCount += table.Tokens[i].HasLetter ? 1 : 0;
            }
        }

        AllTokensScored = scoredCount == table.Count;
    }

    public string Original { get; }

    public IReadOnlyList<Token> Tokens => Table.Tokens;

    /// <summary>All tokens with their term matches; shared by the answer and its <see cref="WithoutSentences"/> copies.</summary>
    public TokenTable Table { get; }

    public IReadOnlyList<Segment> Sentences { get; }

    public IReadOnlyList<Segment> Units { get; }

    /// <summary>Tokens containing at least one letter, in the scored sentences.</summary>
    public int WordCount { get; }

    /// <summary>Tokens of the scored sentences only, as one list (term matches may run across sentences).</summary>
    public TokenTable ScoredTable => scoredTable ??= AllTokensScored ? Table : new TokenTable(ScoredTokenList());

    /// <summary>Quantified-impact analysis of the scored units (used by the model scorer and the flag detector).</summary>
    public ImpactReport Impact => impact ??= ImpactAnalyzer.Analyze(this);

    /// <summary>
    /// <see cref="DomainVocabulary.TieBonus"/> of every unit, in the order of <see cref="Units"/>: the customer-first
    /// scorer and the question-type adjustment both ask for it.
    /// </summary>
    public IReadOnlyList<int> TieBonuses => tieBonuses ??= Units.Select(u => DomainVocabulary.TieBonus(this, u)).ToArray();

    /// <summary>
    /// True when every token lies in a scored sentence (no list markers, nothing removed), so the scored tokens are the
    /// token list itself: sentences are disjoint and in order, so an equal count means an identical sequence.
    /// </summary>
    private bool AllTokensScored { get; }

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
                foreach (var clause in clauses)
                {
                    var unit = MakeSegment(tokens, clause, sentence.Sentence, isSentence: false);
                    if (unit.TokenCount > 0)
                    {
                        units.Add(unit);
                    }
                }
            }
        }

        return new AnswerText(answer, new TokenTable(tokens), sentences, units);
    }

    /// <summary>The same answer with some sentences (and their clauses) removed from scoring.</summary>
    public AnswerText WithoutSentences(IReadOnlySet<int> sentenceIndexes) => new(
        Original,
        Table,
        Sentences.Where(s => !sentenceIndexes.Contains(s.Sentence)).ToList(),
        Units.Where(u => !sentenceIndexes.Contains(u.Sentence)).ToList());

    public string TextOf(Segment segment) => Original.Substring(segment.Span.Start, segment.Span.Length);

    public ReadOnlySpan<char> SpanOf(Segment segment) => Original.AsSpan(segment.Span.Start, segment.Span.Length);

    /// <summary>Lower-cased text of every scored sentence, joined by newlines (for phrase regexes).</summary>
    public string ScoredLowerText() => scoredLowerText ??= JoinLowered();

    /// <summary>Tokens of the scored sentences only.</summary>
    public IReadOnlyList<Token> ScoredTokens() => AllTokensScored ? Tokens : ScoredTokenList();

    private List<Token> ScoredTokenList()
    {
        if (scoredTokens is null)
        {
            var list = new List<Token>(Tokens.Count);
            foreach (var sentence in Sentences)
            {
                for (var i = sentence.FirstToken; i < sentence.FirstToken + sentence.TokenCount; i++)
                {
                    list.Add(Tokens[i]);
                }
            }

            scoredTokens = list;
        }

        return scoredTokens;
    }

    /// <summary>The previous scored sentence of <paramref name="sentence"/>'s index, or <c>null</c> (sentences are in order).</summary>
    public Segment? SentenceBefore(Segment sentence)
    {
        var (low, high) = (0, Sentences.Count - 1);
        var wanted = sentence.Sentence - 1;
        while (low <= high)
        {
            var mid = (low + high) / 2;
            var at = Sentences[mid].Sentence;
            if (at == wanted)
            {
                return Sentences[mid];
            }

            (low, high) = at < wanted ? (mid + 1, high) : (low, mid - 1);
        }

        return null;
    }

    /// <summary>The sentences lower-cased straight into one string (lower-casing never changes a string's length).</summary>
    private string JoinLowered()
    {
        var length = Math.Max(0, Sentences.Count - 1);
        foreach (var sentence in Sentences)
        {
            length += sentence.Span.Length;
        }

        return string.Create(length, this, static (destination, text) =>
        {
            var at = 0;
            foreach (var sentence in text.Sentences)
            {
                if (at > 0)
                {
                    destination[at++] = '\n';
                }

                text.SpanOf(sentence).ToLowerInvariant(destination.Slice(at, sentence.Span.Length));
                at += sentence.Span.Length;
            }
        });
    }

    private static Segment MakeSegment(List<Token> tokens, AnswerSpan span, int sentence, bool isSentence)
    {
        // Tokens are in text order, so the first token at or after the span start is found by binary search.
        var (low, high) = (0, tokens.Count);
        while (low < high)
        {
            var mid = (low + high) / 2;
            (low, high) = tokens[mid].Start >= span.Start ? (low, mid) : (mid + 1, high);
        }

        var first = low;
        if (first == tokens.Count)
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
