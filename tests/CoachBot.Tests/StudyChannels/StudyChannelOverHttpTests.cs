using CoachBot.Core.Channels;
using CoachBot.Tests.ChannelSending;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.StudyChannels;

/// <summary>
/// The study channel through the real host: Teams activities on /api/messages, the real Quartz scheduler, the real
/// rate-limited sender and the loopback Bot Connector.
/// </summary>
[Collection(SendingCollection.Name)]
public sealed class StudyChannelOverHttpTests : LoopbackTest
{
    private const string Channel = "19:study-http@thread.tacv2";
    private const string Admin = "29:admin";
    private const string Good =
        "Security protects customer trust: passkeys with self-service guardrails for millions of customers cut account takeovers from 1.2% to 0.4% of logins.";

    [Fact]
    public async Task SubscribeRunNowAndThreadAnswers_PostAThreadAndSendFeedbackPrivately()
    {
        await using var host = await StartAsync();

        // Half a day away, so the run-now question's recap (due an hour before the next post) can't fire during the test.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var postAt = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddHours(12), berlin).DateTime);
        postAt = new TimeOnly(postAt.Hour, postAt.Minute);
        await host.PostActivityAsync(ChannelMessage($"<at>CoachBot</at> subscribe daily {postAt:HH\\:mm} Europe/Berlin every day", Channel, Admin));
        var confirmation = Assert.Single(await Connector.WaitForAsync(Channel, 1));
        Assert.Contains("Subscribed: a question of the day", confirmation.VisibleText, StringComparison.Ordinal);
        var schedule = Assert.Single(await host.Services.GetRequiredService<IStudyChannelStore>().GetSchedulesAsync($"msteams:{Channel}"));
        var next = await host.Services.GetRequiredService<IStudyScheduler>().GetNextFireTimeAsync(schedule.Id);
        Assert.Equal(postAt, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next!.Value, berlin).DateTime));

        await host.PostActivityAsync(ChannelMessage("<at>CoachBot</at> run now", Channel, Admin));
        var thread = await WaitAsync(() => Connector.Conversations.FirstOrDefault(c => c.Id.StartsWith(Channel + ";messageid=", StringComparison.Ordinal)));
        Assert.Contains("Question of the day", thread.Parameters.ToString(), StringComparison.Ordinal);

        foreach (var member in new[] { "29:ana", "29:bo", "29:cy" })
        {
            await host.PostActivityAsync(ChannelMessage(Good, thread.Id, member));
        }

        var privateChats = await WaitAsync(() =>
        {
            var chats = Connector.Conversations.Where(c => c.Id.StartsWith("a:1on1-", StringComparison.Ordinal)).ToList();
            return chats.Count == 3 ? chats : null;
        });
        Assert.Equal(3, privateChats.Count);
        foreach (var chat in privateChats)
        {
            var feedback = await WaitAsync(() => Connector.Activities.FirstOrDefault(a => a.ConversationId == chat.Id && a.VisibleText.Contains("Your score: ", StringComparison.Ordinal))
                ?? (chat.Parameters.ToString().Contains("Your score", StringComparison.Ordinal) ? new RecordedActivity(chat.Id, null, chat.Parameters, string.Empty) : null));
            Assert.NotNull(feedback);
        }

        // Feedback is private: the thread holds only the question itself.
        Assert.DoesNotContain(Connector.Activities, a => a.ConversationId == thread.Id && a.VisibleText.Contains("/100", StringComparison.Ordinal));
        var prompt = Assert.Single(await host.Services.GetRequiredService<IStudyChannelStore>().GetPromptsAsync($"msteams:{Channel}"));
        Assert.Equal(3, (await host.Services.GetRequiredService<IStudyChannelStore>().GetAnswersAsync(prompt.Id)).Count);
    }

    [Fact]
    public async Task HundredPlacesOneOccurrence_TenPercent429_ExactlyOnePostEach()
    {
        await using var host = await StartAsync();
        var store = host.Services.GetRequiredService<IStudyChannelStore>();
        var runner = host.Services.GetRequiredService<DailyPromptRunner>();
        var schedules = new List<DailySchedule>();
        for (var i = 0; i < 100; i++)
        {
            var place = StudyPlaces.TeamsChannel(Connector.ServiceUrl, $"19:fan-{i:D3}@thread.tacv2");
            await store.UpsertPlaceAsync(place, reactivate: true);
            var schedule = new DailySchedule(Guid.NewGuid(), place.PlaceKey, new TimeOnly(9, 0), "Europe/Berlin", Core.Channels.Scheduling.ScheduleDays.EveryDay,
                "amazon-customer-trust", [], true, "msteams:" + Admin, DateTimeOffset.UtcNow);
            await store.SaveScheduleAsync(schedule);
            schedules.Add(schedule);
        }

        Connector.FailNext(10, 429, TimeSpan.FromSeconds(1));
        var occurrence = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Task.WhenAll(schedules.Select(s => runner.RunDailyAsync(s.Id, occurrence)));
        await Task.WhenAll(schedules.Select(s => runner.RunDailyAsync(s.Id, occurrence))); // the same occurrence fired again

        var posts = Connector.Conversations.Where(c => c.Id.Contains(";messageid=", StringComparison.Ordinal)).ToList();
        Assert.Equal(100, posts.Count);
        Assert.Equal(100, posts.Select(p => p.Id.Split(';')[0]).Distinct().Count());
        Assert.Equal(10, Connector.Requests.Count(r => r.Status == 429));
    }

    private async Task<TestHost> StartAsync() => await TestHost.StartAsync(Db, new Dictionary<string, string?>
    {
        ["Admin:Users:0"] = Admin,
    });

    private JObject ChannelMessage(string text, string conversationId, string userId) =>
        TeamsChannelHttp.Message(Connector.ServiceUrl, Channel, text, conversationId, userId);

    private static Task<T> WaitAsync<T>(Func<T?> probe)
        where T : class => TeamsChannelHttp.WaitAsync(probe);
}
