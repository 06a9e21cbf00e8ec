using CoachBot.Core.Channels;
using CoachBot.Core.Channels.Scheduling;
using CoachBot.Core.Grading;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Tests.ChannelSending;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Admin.Web;

/// <summary>
/// Graded answers for the dashboard, made with the host's own services: the rubric grader grades real answers, the
/// stores keep them on earlier days (1:1 attempts, and a Teams channel's answers to questions of the day), and the
/// channel gets a daily schedule with a real Quartz trigger.
/// </summary>
internal static class GradedAnswers
{
    public const string SetId = "amazon-customer-trust";
    public const string ChannelName = "Interview study";

    /// <summary>How many days back answers are spread over (today included).</summary>
    public const int Days = 5;

    private static readonly string[] Answers =
    [
        "Security keeps customers' trust.",
        "Security protects customer trust: when we rolled out passkeys, account takeovers fell from 1.2% to 0.4% of logins.",
        "Security protects customer trust. Passkeys with self-service guardrails let teams launch without manual reviews, and account takeovers fell from 1.2% to 0.4% of logins across every region.",
        "We automated fraud detection across 12 marketplaces, cutting account takeovers by 40% while checkout stayed seamless for millions of customers.",
    ];

    /// <summary>
    /// Stores 1:1 attempts by two learners on each of the last <see cref="Days"/> days and channel answers by three
    /// members on every other day; returns how many graded answers there are.
    /// </summary>
    public static async Task<int> SeedAsync(TestHost host, string serviceUrl)
    {
        var services = host.Services;
        var set = (await services.GetRequiredService<IQuestionSetStore>().GetLatestAsync(SetId))!;
        var grading = services.GetRequiredService<GradingService>();
        var practice = services.GetRequiredService<IPracticeStore>();
        var channels = services.GetRequiredService<IStudyChannelStore>();
        var today = DateTimeOffset.UtcNow;
        var count = 0;

        foreach (var learner in new[] { "msteams:29:ana", "msteams:29:bo" })
        {
            var session = new PracticeSession(Guid.NewGuid(), learner, set.Id, set.Version, null, [], today.AddDays(-Days), today);
            await practice.SaveSessionAsync(session);
            for (var day = 0; day < Days; day++)
            {
                var question = set.Questions[day % set.Questions.Count];
                var answer = Answers[(day + learner.Length) % Answers.Length];
                var grade = await grading.GradeAsync(new GradingRequest(set, question, answer), learner, rubricOnly: true);
                await practice.SaveAttemptAsync(new Attempt(Guid.NewGuid(), session.Id, learner, set.Id, set.Version, question.Id, answer, null, grade, today.AddDays(-day), null));
                count++;
            }
        }

        var place = StudyPlaces.TeamsChannel(serviceUrl) with { Name = ChannelName };
        await channels.UpsertPlaceAsync(place, reactivate: true);
        var schedule = new DailySchedule(Guid.NewGuid(), place.PlaceKey, new TimeOnly(9, 0), "Europe/Berlin", ScheduleDays.Weekdays, set.Id, [], true, "msteams:29:admin", today);
        await channels.SaveScheduleAsync(schedule);
        await services.GetRequiredService<IStudyScheduler>().ScheduleDailyAsync(schedule);
        for (var day = 0; day < Days; day += 2)
        {
            var question = set.Questions[day % set.Questions.Count];
            var prompt = new DailyPrompt(Guid.NewGuid(), schedule.Id, place.PlaceKey, today.AddDays(-day), set.Id, set.Version, question.Id, $"{place.ConversationId};messageid={day}", today.AddDays(-day).AddHours(8), null);
            await channels.TryAddPromptAsync(prompt);
            foreach (var member in new[] { "msteams:29:cy", "msteams:29:di", "msteams:29:ed" })
            {
                var answer = Answers[(day + member.Length + 1) % Answers.Length];
                var grade = await grading.GradeAsync(new GradingRequest(set, question, answer), member, rubricOnly: true);
                await channels.SaveAnswerAsync(new ChannelAnswer(Guid.NewGuid(), prompt.Id, place.PlaceKey, member, null, Guid.NewGuid().ToString("N"), answer, grade, today.AddDays(-day).AddMinutes(-5), null));
                count++;
            }
        }

        return count;
    }
}
