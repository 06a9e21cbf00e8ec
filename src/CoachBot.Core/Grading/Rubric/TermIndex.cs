namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// Term groups compiled into one character trie over their terms' first words, so an answer is matched against all of
/// them in one pass: each token walks down the trie once and meets exactly the terms whose first word it matches (prefix
/// words on the way down, exact words where the token ends), instead of every group trying every term on every token.
/// <see cref="Shared"/> holds every built-in group; groups derived from a custom model are matched on their own.
/// </summary>
internal sealed class TermIndex
{
    public static TermIndex Shared { get; } = new(
    [
        DomainVocabulary.Customer, DomainVocabulary.People, DomainVocabulary.Trust, DomainVocabulary.Experience,
        DomainVocabulary.Journey, DomainVocabulary.SecurityAction, DomainVocabulary.CausalLink, DomainVocabulary.Business,
        ImpactAnalyzer.Result, ImpactAnalyzer.Change, ImpactAnalyzer.BusinessFrame,
        .. BuiltInLexicons.CustomerGroups, .. BuiltInLexicons.ScaleGroups, .. BuiltInLexicons.InnovationGroups,
    ]);

    private readonly Dictionary<TermGroup, int> rows = [];
    private readonly Node?[] asciiRoots = new Node?[128];
    private readonly Dictionary<char, Node> otherRoots = [];
    private readonly Hit[] anyFirstWord;

    public TermIndex(IEnumerable<TermGroup> groups)
    {
        var asciiBuilders = new NodeBuilder?[128];
        var otherBuilders = new Dictionary<char, NodeBuilder>();
        var any = new List<Hit>();
        foreach (var group in groups)
        {
            if (!rows.TryAdd(group, rows.Count))
            {
                continue;
            }

            foreach (var term in group.Terms)
            {
                if (term.FirstWord is not { Text.Length: > 0 } first)
                {
                    any.Add(new Hit(rows[group], term));
                    continue;
                }

                var c = first.Text[0];
                var node = c < 128 ? asciiBuilders[c] ??= new() : otherBuilders.TryGetValue(c, out var b) ? b : otherBuilders[c] = new();
                foreach (var next in first.Text.AsSpan(1))
                {
                    node = node.Child(next);
                }

                (first.IsPrefix ? node.Prefixes : node.Exact).Add(new Hit(rows[group], term));
            }
        }

        for (var c = 0; c < 128; c++)
        {
            asciiRoots[c] = asciiBuilders[c]?.Build();
        }

        foreach (var (c, builder) in otherBuilders)
        {
            otherRoots[c] = builder.Build();
        }

        anyFirstWord = [.. any];
    }

    /// <summary>The row of <paramref name="group"/> in <see cref="Match"/>'s result, if the group is in this index.</summary>
    public bool TryGetRow(TermGroup group, out int row) => rows.TryGetValue(group, out row);

    /// <summary>One row per group, laid out like <see cref="TermGroup.MatchLengths"/>.</summary>
    public byte[][] Match(ReadOnlySpan<Token> tokens)
    {
        var lengths = new byte[rows.Count][];
        for (var r = 0; r < lengths.Length; r++)
        {
            lengths[r] = new byte[tokens.Length];
        }

        for (var i = 0; i < tokens.Length; i++)
        {
            var word = tokens[i].Text;
            Record(anyFirstWord, tokens, i, lengths, firstWordMatched: false);
            var node = word[0] < 128 ? asciiRoots[word[0]] : otherRoots.GetValueOrDefault(word[0]);
            for (var depth = 1; node is not null; depth++)
            {
                Record(node.Prefixes, tokens, i, lengths, firstWordMatched: true);
                if (depth == word.Length)
                {
                    Record(node.Exact, tokens, i, lengths, firstWordMatched: true);
                    break;
                }

                node = node.Child(word[depth]);
            }
        }

        return lengths;
    }

    // A trie hit means the first word matches; phrases, "!word" conditions and #mag still need checking in full.
    private static void Record(Hit[] hits, ReadOnlySpan<Token> tokens, int index, byte[][] lengths, bool firstWordMatched)
    {
        foreach (var hit in hits)
        {
            if ((firstWordMatched && hit.Term.IsSingleWord) || hit.Term.MatchesAt(tokens, index))
            {
                lengths[hit.Row][index] |= (byte)(1 << (hit.Term.Length - 1));
            }
        }
    }

    private readonly record struct Hit(int Row, Term Term);

    private sealed class Node(char[] keys, Node[] children, Hit[] prefixes, Hit[] exact)
    {
        public Hit[] Prefixes { get; } = prefixes;

        public Hit[] Exact { get; } = exact;

        // Below the first letter a node has few children, so a plain scan beats hashing.
        public Node? Child(char c)
        {
            for (var k = 0; k < keys.Length; k++)
            {
                if (keys[k] == c)
                {
                    return children[k];
                }
            }

            return null;
        }
    }

    private sealed class NodeBuilder
    {
        private readonly Dictionary<char, NodeBuilder> children = [];

        public List<Hit> Prefixes { get; } = [];

        public List<Hit> Exact { get; } = [];

        public NodeBuilder Child(char c)
        {
            if (!children.TryGetValue(c, out var child))
            {
                child = new NodeBuilder();
                children.Add(c, child);
            }

            return child;
        }

        public Node Build() => new([.. children.Keys], [.. children.Values.Select(c => c.Build())], [.. Prefixes], [.. Exact]);
    }
}
