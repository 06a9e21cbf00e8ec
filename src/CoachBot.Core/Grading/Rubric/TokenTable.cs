using System.Runtime.InteropServices;

namespace CoachBot.Core.Grading.Rubric;

/// <summary>
/// A token list plus, per term group, the lengths of the terms matching at each token. Graders ask the same groups about
/// many overlapping units (every sentence and clause, for every model); matching each group once per answer and then
/// reading bits keeps grading linear in the answer's length. Lives as long as one grade; not thread-safe.
/// </summary>
internal sealed class TokenTable(List<Token> tokens)
{
    private readonly Dictionary<TermGroup, byte[]> lengths = [];
    private byte[][]? shared;

    public IReadOnlyList<Token> Tokens => tokens;

    public int Count => tokens.Count;

    /// <summary>See <see cref="TermGroup.MatchLengths"/>; computed on first use.</summary>
    public byte[] LengthsOf(TermGroup group)
    {
        if (TermIndex.Shared.TryGetRow(group, out var row))
        {
            // Every built-in group is matched in the same pass, the first time any of them is asked for.
            shared ??= TermIndex.Shared.Match(CollectionsMarshal.AsSpan(tokens));
            return shared[row];
        }

        if (!lengths.TryGetValue(group, out var found))
        {
            // The list is never changed after tokenizing, so reading it as a span is safe.
            found = group.MatchLengths(CollectionsMarshal.AsSpan(tokens));
            lengths.Add(group, found);
        }

        return found;
    }
}
