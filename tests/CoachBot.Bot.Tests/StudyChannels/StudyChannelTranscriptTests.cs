using System.Globalization;
using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using CoachBot.Core.Messages;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static CoachBot.Bot.Tests.StudyChannels.ChannelActivities;
using Transcript = CoachBot.Bot.Tests.Handlers.Transcript;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// A Teams channel as transcripts: install, admin-only commands, subscribe, run now, answers in the thread graded
/// with private (or public) feedback, edits re-graded, the recap, removal.
/// </summary>
public sealed class StudyChannelTranscriptTests : IAsyncLifetime
{
    private const string Admin = "29:admin";
    private const string Good =
        "Security protects customer trust: we rolled out passkeys with self-service guardrails for millions of customers, and account " +
        "takeovers fell from 1.2% to 0.4% of logins while checkout stayed fast across every region.";

    private const string Weak = "Security is important because it protects data and prevents breaches.";

    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
        services.Configure<AdminOptions>(o => o.Users.Add(Admin)));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private string PlaceKey => $"msteams:{Channel}";

    [Fact]
    public async Task Install_InChannel_PostsWhatTheCoachDoesThereOnce()
    {
        var install = InChannel(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" }, Channel);
        await Flow()
            .Send(install).AssertReply(a => Assert.Contains("subscribe daily 09:00 Europe/Berlin weekdays", Transcript.Visible(a)))
            .Send(InChannel(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" }, Channel)).AssertNoReply()
            .StartTestAsync();

        var place = await Store.GetPlaceAsync(PlaceKey);
        Assert.NotNull(place);
        Assert.Equal(PlaceKind.TeamsChannel, place.Kind);
        Assert.Equal("team-1", place.TeamId);
        Assert.Equal("tenant-1", place.TenantId);
    }

    [Fact]
    public async Task Member_ChangingTheSchedule_IsToldOnlyAdminsCanAndNothingChanges()
    {
        await Flow()
            .Send(Message("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin weekdays", Channel, "29:member"))
            .AssertReply(a => Assert.Equal("Only admins can change the schedule. Ask one of this channel's CoachBot admins.", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> run now", Channel, "29:member"))
            .AssertReply(a => Assert.StartsWith("Only admins can post a question on demand.", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Empty(await Store.GetSchedulesAsync(PlaceKey));
        Assert.Empty(_services.Messenger.Sent);
    }

    [Fact]
    public async Task Admin_SubscribeWithBadInput_GetsTheSpecificProblem()
    {
        await Flow()
            .Send(Message("<at>CoachBot</at> subscribe daily 25:00 Europe/Berlin", Channel, Admin))
            .AssertReply(a => Assert.Contains("I couldn't read the time '25:00'", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> subscribe daily 09:00 Berlin", Channel, Admin))
            .AssertReply(a => Assert.Contains("Unknown time zone 'Berlin'", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin set nope", Channel, Admin))
            .AssertReply(a => Assert.Contains("There's no question set 'nope'", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Empty(await Store.GetSchedulesAsync(PlaceKey));
    }

    [Fact]
    public async Task Admin_Subscribe_SchedulesTheTriggerAndScheduleShowsIt()
    {
        await Flow()
            .Send(Message("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin weekdays", Channel, Admin))
            .AssertReply(a => Assert.Contains("Subscribed: a question of the day from \"Amazon-Specific Preparation - Customer Trust Focus\" at 09:00 Europe/Berlin, weekdays", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> skip 2099-12-24", Channel, Admin))
            .AssertReply(a => Assert.Contains("no question of the day on 2099-12-24", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> schedule", Channel, "29:member"))
            .AssertReply(a =>
            {
                Assert.Contains("09:00 Europe/Berlin", Transcript.Visible(a));
                Assert.Contains("weekdays, set amazon-customer-trust", Transcript.Visible(a));
                Assert.Contains("skipping 2099-12-24", Transcript.Visible(a));
            })
            .StartTestAsync();

        var schedule = Assert.Single(await Store.GetSchedulesAsync(PlaceKey));
        Assert.Equal([new DateOnly(2099, 12, 24)], _services.Scheduler.Daily[schedule.Id].SkipDates);
    }

    [Fact]
    public async Task RunNow_ThreeMembersAnswerInTheThread_FeedbackPrivatelyAndRecapMatches()
    {
        await Flow().Send(Message("<at>CoachBot</at> run now", Channel, Admin)).StartTestAsync();
        var post = Assert.Single(_services.Messenger.Sent);
        Assert.Equal("post", post.Kind);
        Assert.Contains("Question of the day", post.Message.ToPlainText(), StringComparison.Ordinal);
        var prompt = Assert.Single(await Store.GetPromptsAsync(PlaceKey));
        Assert.Equal($"{Channel};messageid=1", prompt.ThreadId);

        await Flow()
            .Send(Message(Good, prompt.ThreadId!, "29:ana", "Ana")).AssertNoReply()
            .Send(Message(Weak, prompt.ThreadId!, "29:bo", "Bo")).AssertNoReply()
            .Send(Message(Good, prompt.ThreadId!, "29:cy", "Cy")).AssertNoReply()
            .Send(Message("<at>CoachBot</at> name me on", Channel, "29:ana", "Ana")).AssertReply(a => Assert.Contains("recaps may name you", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> name me on", Channel, "29:cy", "Cy")).AssertReply(a => Assert.Contains("recaps may name you", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> name me off", Channel, "29:cy", "Cy")).AssertReply(a => Assert.Contains("recaps won't name you", Transcript.Visible(a)))
            .StartTestAsync();

        var privates = _services.Messenger.Sent.Where(s => s.Kind == "private").ToList();
        Assert.Equal(["29:ana", "29:bo", "29:cy"], privates.Select(p => p.Target));
        Assert.All(privates, p => Assert.Contains("Your score: ", p.Message.ToPlainText(), StringComparison.Ordinal));
        var answers = await Store.GetAnswersAsync(prompt.Id);
        Assert.Equal(3, answers.Count);

        await _services.Provider.GetRequiredService<DailyPromptRunner>().RunOnceAsync(DailyPromptRunner.RecapKind, prompt.Id.ToString("N"), prompt.RecapDueUtc);

        var recap = _services.Messenger.Sent.Last();
        Assert.Equal("thread", recap.Kind);
        Assert.Equal(prompt.ThreadId, recap.Target);
        var lines = recap.Message.ToPlainText().Split('\n');
        Assert.Equal("Recap · 3 answers", lines[0]);

        // The numbers, worked out here from the grades the store holds: each model's class average over the three
        // answers, the lowest of them (the set's first on a tie) and the tip most of its answers got for it.
        var set = (await _services.Provider.GetRequiredService<CoachBot.Core.QuestionSets.IQuestionSetStore>().GetVersionAsync(prompt.SetId, prompt.SetVersion))!;
        Assert.True(set.Models.Count >= 2, "a recap of one model would prove little");
        var averages = set.Models.Select(m => (Model: m, Average: answers.Average(a => (double)a.Grade.Models.Single(g => g.Slug == m.Slug).Score))).ToList();
        Assert.True(averages.Select(x => Math.Round(x.Average)).Distinct().Count() > 1, "every model has the same average: the recap's per-model numbers would not be told apart");
        var averageLines = lines.Where(l => l.Contains(": class average ", StringComparison.Ordinal)).ToList();
        Assert.Equal(averages.Select(x => string.Create(CultureInfo.InvariantCulture, $"- {x.Model.Name}: class average {x.Average:0}/100")), averageLines);
        var weakest = averages.First(x => x.Average == averages.Min(y => y.Average)).Model;
        var tips = answers.Select(a => a.Grade).Where(g => g.Models.MinBy(m => m.Score)!.Slug == weakest.Slug && g.Tip.Length > 0).Select(g => g.Tip).ToList();
        var tip = tips.Count == 0 ? weakest.Description : tips.GroupBy(t => t).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        Assert.Contains($"Weakest area: {weakest.Name}. Tip: {tip}", lines);

        // Only Ana said "name me on" (Cy took it back): she alone is named, with the score her answer got.
        var top = lines.SkipWhile(l => l != "Top answers").Skip(1).TakeWhile(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"- Ana: {answers.Single(a => a.UserName == "Ana").Grade.Overall}/100 · streak 1"], top);
        Assert.All(lines, l => Assert.False(l.Contains("Bo:", StringComparison.Ordinal) || l.Contains("Cy:", StringComparison.Ordinal), $"a member who did not opt in is named: {l}"));
    }

    [Fact]
    public async Task TwoQuestionsAnsweredInARow_FeedbackAndRecapShowTheStreak()
    {
        await Flow()
            .Send(Message("<at>CoachBot</at> name me on", Channel, "29:ana", "Ana")).AssertReply(a => Assert.Contains("recaps may name you", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> run now", Channel, Admin))
            .StartTestAsync();
        var first = Assert.Single(await Store.GetPromptsAsync(PlaceKey));
        await Flow().Send(Message(Good, first.ThreadId!, "29:ana", "Ana")).AssertNoReply().Send(Message("<at>CoachBot</at> run now", Channel, Admin)).StartTestAsync();
        var second = (await Store.GetPromptsAsync(PlaceKey)).Single(p => p.Id != first.Id);

        await Flow().Send(Message(Weak, second.ThreadId!, "29:ana", "Ana")).AssertNoReply().Send(Message(Good, second.ThreadId!, "29:bo", "Bo")).AssertNoReply().StartTestAsync();

        var privates = _services.Messenger.Sent.Where(s => s.Kind == "private").Select(s => (s.Target, Text: s.Message.ToPlainText())).ToList();
        Assert.Contains("Streak: 1 question of the day answered.", privates[0].Text, StringComparison.Ordinal);
        Assert.Contains("Streak: 2 questions of the day in a row.", privates[1].Text, StringComparison.Ordinal);
        Assert.Equal(("29:bo", true), (privates[2].Target, privates[2].Text.Contains("Streak: 1 question", StringComparison.Ordinal)));

        await _services.Provider.GetRequiredService<DailyPromptRunner>().RunOnceAsync(DailyPromptRunner.RecapKind, second.Id.ToString("N"), second.RecapDueUtc);

        var ana = Assert.Single(await Store.GetAnswersAsync(second.Id), a => a.UserName == "Ana");
        Assert.Contains($"Ana: {ana.Grade.Overall}/100 · streak 2", _services.Messenger.Sent.Last().Message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FeedbackPublic_AnswerGetsItsFeedbackInTheThread_AndAnEditIsRegraded()
    {
        await Flow()
            .Send(Message("<at>CoachBot</at> feedback public", Channel, Admin)).AssertReply(a => Assert.Contains("in the question's thread", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> run now", Channel, Admin))
            .StartTestAsync();
        var prompt = Assert.Single(await Store.GetPromptsAsync(PlaceKey));
        var answer = IdPreservingTestAdapter.WithId(Message(Weak, prompt.ThreadId!, "29:ana", "Ana"), "answer-1");
        var edit = IdPreservingTestAdapter.WithId(Message(Good, prompt.ThreadId!, "29:ana", "Ana"), "answer-1");
        edit.Type = ActivityTypes.MessageUpdate;

        await Flow()
            .Send(answer).AssertReply(a => Assert.StartsWith("Ana, your score: ", Transcript.Visible(a)))
            .Send(edit).AssertReply(a => Assert.StartsWith("Ana, re-graded your edited answer: ", Transcript.Visible(a)))
            .StartTestAsync();

        var stored = Assert.Single(await Store.GetAnswersAsync(prompt.Id));
        Assert.Equal(Good, stored.Answer);
        Assert.NotNull(stored.UpdatedAt);
        Assert.DoesNotContain(_services.Messenger.Sent, s => s.Kind == "private");
    }

    [Fact]
    public async Task RemovedFromTheTeam_PlaceInactiveAndTriggerGone()
    {
        await Flow().Send(Message("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin", Channel, Admin)).AssertReply(_ => { }).StartTestAsync();
        Assert.Single(_services.Scheduler.Daily);

        await Flow().Send(InChannel(new Activity(ActivityTypes.InstallationUpdate) { Action = "remove" }, Channel)).StartTestAsync();

        Assert.False((await Store.GetPlaceAsync(PlaceKey))!.Active);
        Assert.Empty(_services.Scheduler.Daily);
        Assert.False(Assert.Single(await Store.GetSchedulesAsync(PlaceKey)).Active);
    }

    [Fact]
    public async Task GroupChat_OnlyMessagesMentioningTheBotAreAnswers()
    {
        const string chat = "19:group@thread.v2";
        var chatter = GroupChat(Message("anyone up for lunch?", chat, "29:ana", "Ana", mention: false), chat);
        var answer = GroupChat(Message("<at>CoachBot</at> " + Good, chat, "29:ana", "Ana"), chat);
        await Flow().Send(GroupChat(Message("<at>CoachBot</at> run now", chat, Admin), chat)).StartTestAsync();
        var post = Assert.Single(_services.Messenger.Sent);
        Assert.Contains("Mention me with your answer", post.Message.ToPlainText(), StringComparison.Ordinal);

        await Flow().Send(chatter).AssertNoReply().Send(answer).AssertNoReply().StartTestAsync();

        var prompt = Assert.Single(await Store.GetPromptsAsync($"msteams:{chat}"));
        var graded = Assert.Single(await Store.GetAnswersAsync(prompt.Id));
        Assert.Equal(Good, graded.Answer);
        Assert.Equal("29:ana", _services.Messenger.Sent.Last().Target);
    }

    [Fact]
    public async Task NotAddressedToTheBot_InTheChannel_IsIgnored()
    {
        await Flow().Send(Message("lunch anyone?", Channel, "29:member", mention: false)).AssertNoReply().StartTestAsync();
    }

    private IStudyChannelStore Store => _services.Provider.GetRequiredService<IStudyChannelStore>();

    private TestFlow Flow() => new(
        new IdPreservingTestAdapter(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) },
        _services.Bot);
}
