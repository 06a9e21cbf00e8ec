namespace CoachBot.Core.Channels;

/// <summary>Consecutive questions of the day a member answered, counted back from the latest prompt.</summary>
public static class Streaks
{
    /// <summary>
    /// The member's current streak: how many of the place's prompts, newest first, they answered without a gap.
    /// A prompt whose answer window is still open and unanswered does not break the streak.
    /// </summary>
    /// <param name="promptsOldestFirst">Every prompt of the place, oldest first.</param>
    /// <param name="answeredPromptIds">The ids of the prompts the member answered (from <see cref="IStudyChannelStore.GetAnsweredPromptIdsAsync"/>).</param>
    /// <param name="now">The current time (decides whether the latest prompt is still open).</param>
    public static int For(IReadOnlyList<DailyPrompt> promptsOldestFirst, IReadOnlySet<Guid> answeredPromptIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promptsOldestFirst);
        ArgumentNullException.ThrowIfNull(answeredPromptIds);
        var streak = 0;
        for (var i = promptsOldestFirst.Count - 1; i >= 0; i--)
        {
            var prompt = promptsOldestFirst[i];
            if (answeredPromptIds.Contains(prompt.Id))
            {
                streak++;
            }
            else if (!(i == promptsOldestFirst.Count - 1 && now < prompt.RecapDueUtc))
            {
                break;
            }
        }

        return streak;
    }
}
