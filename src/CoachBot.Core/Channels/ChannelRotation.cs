using CoachBot.Core.QuestionSets;

namespace CoachBot.Core.Channels;

/// <summary>Which question a place gets next: no repeats until every enabled question of the set was asked, then a new round.</summary>
public static class ChannelRotation
{
    /// <summary>The next question, or <c>null</c> when the set has no enabled question.</summary>
    /// <param name="set">The set.</param>
    /// <param name="askedInOrder">The question ids already asked in the place from this set, oldest first.</param>
    public static Question? Next(QuestionSet set, IReadOnlyList<string> askedInOrder)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(askedInOrder);
        var enabled = set.EnabledQuestions;
        if (enabled.Count == 0)
        {
            return null;
        }

        // The current round is the tail of the history since the last full round.
        var inRound = askedInOrder.Skip(askedInOrder.Count - (askedInOrder.Count % enabled.Count)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return enabled.FirstOrDefault(q => !inRound.Contains(q.Id)) ?? enabled[0];
    }
}
