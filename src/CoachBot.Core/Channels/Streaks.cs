namespace CoachBot.Core.Channels;

/// <summary>Consecutive questions of the day a member answered, counted back from the latest prompt.</summary>
public static class Streaks
{
    /// <summary>
    /// The member's current streak: how many of the place's prompts, newest first, they answered without a gap.
    /// A prompt whose answer window is still open and unanswered does not break the streak.
    /// </summary>
    public static int For(string userKey, IReadOnlyList<DailyPrompt> promptsOldestFirst, IReadOnlyList<ChannelAnswer> answers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promptsOldestFirst);
        ArgumentNullException.ThrowIfNull(answers);
        var answered = answers.Where(a => a.UserKey == userKey).Select(a => a.PromptId).ToHashSet();
        var streak = 0;
        for (var i = promptsOldestFirst.Count - 1; i >= 0; i--)
        {
            var prompt = promptsOldestFirst[i];
            if (answered.Contains(prompt.Id))
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
