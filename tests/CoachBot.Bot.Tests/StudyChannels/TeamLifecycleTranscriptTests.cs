using CoachBot.Core.Admin;
using CoachBot.Core.Channels;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.StudyChannels.ChannelActivities;
using Transcript = CoachBot.Bot.Tests.Handlers.Transcript;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary>
/// A Teams team with two subscribed channels (and a group chat beside it) as transcripts: the bot removed from the
/// team on its General channel, a channel deleted, renamed or restored, the team deleted or restored, the bot re-installed.
/// </summary>
public sealed class TeamLifecycleTranscriptTests : IAsyncLifetime
{
    private const string Admin = "29:admin";
    private const string Chat = "19:group@thread.v2";
    private const string Subscribe = "<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin";

    private BotTestServices _services = null!;

    public static TheoryData<string> Removals => ["installationUpdate remove", "conversationUpdate membersRemoved"];

    public async Task InitializeAsync() => _services = await BotTestServices.CreateAsync(services =>
        services.Configure<AdminOptions>(o => o.Users.Add(Admin)));

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [MemberData(nameof(Removals))]
    public async Task RemovedFromTheTeam_OnGeneral_EveryChannelOfTheTeamInactiveAndNothingPostedThere(string removal)
    {
        await InstallOnGeneralAsync();
        await SubscribeTeamAndChatAsync();

        await Flow().Send(Removal(removal)).AssertNoReply().StartTestAsync();

        Assert.False((await PlaceAsync(Channel)).Active);
        Assert.False((await PlaceAsync(SecondChannel)).Active);
        Assert.False((await PlaceAsync(General)).Active);
        Assert.True((await PlaceAsync(Chat)).Active); // a group chat is not part of the team
        Assert.All(await TeamSchedulesAsync(), s => Assert.False(s.Active));
        Assert.Equal([$"msteams:{Chat}"], _services.Scheduler.Daily.Values.Select(s => s.PlaceKey));

        await RunEveryScheduleAsync();
        Assert.Equal([$"msteams:{Chat}"], _services.Messenger.Sent.Select(s => s.Place.PlaceKey)); // only the chat still gets its question
    }

    [Fact]
    public async Task ChannelDeleted_OnlyThatChannelInactiveAndItsScheduleStopped()
    {
        await SubscribeTeamAndChatAsync();

        await Flow().Send(TeamsEvent("channelDeleted", SecondChannel, "second")).AssertNoReply().StartTestAsync();

        Assert.False((await PlaceAsync(SecondChannel)).Active);
        Assert.True((await PlaceAsync(Channel)).Active);
        Assert.Equal([$"msteams:{Chat}", $"msteams:{Channel}"], _services.Scheduler.Daily.Values.Select(s => s.PlaceKey).Order(StringComparer.Ordinal));
        await RunEveryScheduleAsync();
        Assert.Equal([$"msteams:{Chat}", $"msteams:{Channel}"], _services.Messenger.Sent.Select(s => s.Place.PlaceKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TeamDeleted_EveryChannelOfTheTeamInactive_RestoredTheyAreActiveWithSchedulesStillPaused()
    {
        await SubscribeTeamAndChatAsync();

        await Flow().Send(TeamsEvent("teamDeleted")).AssertNoReply().StartTestAsync();

        Assert.False((await PlaceAsync(Channel)).Active);
        Assert.False((await PlaceAsync(SecondChannel)).Active);
        Assert.True((await PlaceAsync(Chat)).Active);
        Assert.Equal([$"msteams:{Chat}"], _services.Scheduler.Daily.Values.Select(s => s.PlaceKey));
        await RunEveryScheduleAsync();
        Assert.Equal([$"msteams:{Chat}"], _services.Messenger.Sent.Select(s => s.Place.PlaceKey));

        await Flow().Send(TeamsEvent("teamRestored")).AssertNoReply().StartTestAsync();

        Assert.True((await PlaceAsync(Channel)).Active);
        Assert.True((await PlaceAsync(SecondChannel)).Active);
        Assert.All(await TeamSchedulesAsync(), s => Assert.False(s.Active)); // an admin subscribes again
    }

    [Fact]
    public async Task ReinstalledInTheTeam_ItsChannelsActiveAgainAndASubscriptionPostsThere()
    {
        await InstallOnGeneralAsync();
        await SubscribeTeamAndChatAsync();
        await Flow().Send(Removal("installationUpdate remove")).StartTestAsync();
        Assert.False((await PlaceAsync(SecondChannel)).Active);

        await Flow().Send(OnGeneral(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" })).StartTestAsync();

        Assert.True((await PlaceAsync(General)).Active);
        Assert.True((await PlaceAsync(Channel)).Active);
        Assert.True((await PlaceAsync(SecondChannel)).Active);
        Assert.All(await TeamSchedulesAsync(), s => Assert.False(s.Active));

        await Flow().Send(InTeamChannel(Message(Subscribe, SecondChannel, Admin), SecondChannel, "second")).AssertReply(_ => { }).StartTestAsync();
        await RunEveryScheduleAsync();
        Assert.Contains(_services.Messenger.Sent, s => s.Place.PlaceKey == $"msteams:{SecondChannel}");
    }

    [Fact]
    public async Task ChannelRenamed_StoredNameFollows_TeamRenamedChangesNothing()
    {
        await SubscribeTeamAndChatAsync();

        await Flow()
            .Send(TeamsEvent("channelRenamed", SecondChannel, "second (renamed)")).AssertNoReply()
            .Send(TeamsEvent("teamRenamed")).AssertNoReply()
            .StartTestAsync();

        Assert.Equal("second (renamed)", (await PlaceAsync(SecondChannel)).Name);
        Assert.Equal("study", (await PlaceAsync(Channel)).Name);
        Assert.True((await PlaceAsync(SecondChannel)).Active);
    }

    private IStudyChannelStore Store => _services.Provider.GetRequiredService<IStudyChannelStore>();

    private static Activity OnGeneral(Activity activity) => InTeamChannel(activity, General, null);

    private static Activity Removal(string kind)
    {
        if (kind.StartsWith("installationUpdate", StringComparison.Ordinal))
        {
            return OnGeneral(new Activity(ActivityTypes.InstallationUpdate) { Action = "remove" });
        }

        var update = TeamsEvent("teamMemberRemoved");
        update.MembersRemoved = [new ChannelAccount("bot", "CoachBot")];
        return update;
    }

    private async Task InstallOnGeneralAsync() =>
        await Flow().Send(OnGeneral(new Activity(ActivityTypes.InstallationUpdate) { Action = "add" }))
            .AssertReply(a => Assert.Contains("subscribe daily", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

    private async Task SubscribeTeamAndChatAsync()
    {
        await Flow()
            .Send(Message(Subscribe, Channel, Admin)).AssertReply(a => Assert.StartsWith("Subscribed:", Transcript.Visible(a), StringComparison.Ordinal))
            .Send(InTeamChannel(Message(Subscribe, SecondChannel, Admin), SecondChannel, "second")).AssertReply(a => Assert.StartsWith("Subscribed:", Transcript.Visible(a), StringComparison.Ordinal))
            .Send(GroupChat(Message(Subscribe, Chat, Admin), Chat)).AssertReply(a => Assert.StartsWith("Subscribed:", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();
        Assert.Equal(3, _services.Scheduler.Daily.Count);
    }

    private async Task<StudyPlace> PlaceAsync(string conversationId) =>
        await Store.GetPlaceAsync($"msteams:{conversationId}") ?? throw new InvalidOperationException($"no place {conversationId}");

    private async Task<List<DailySchedule>> TeamSchedulesAsync() =>
        [.. await Store.GetSchedulesAsync($"msteams:{Channel}"), .. await Store.GetSchedulesAsync($"msteams:{SecondChannel}")];

    /// <summary>Fires every stored schedule (active or not) as its timer would, now.</summary>
    private async Task RunEveryScheduleAsync()
    {
        var runner = _services.Provider.GetRequiredService<DailyPromptRunner>();
        foreach (var place in new[] { Channel, SecondChannel, Chat })
        {
            foreach (var schedule in await Store.GetSchedulesAsync($"msteams:{place}"))
            {
                await runner.RunDailyAsync(schedule.Id, DateTimeOffset.UtcNow);
            }
        }
    }

    private TestFlow Flow() => new(
        new IdPreservingTestAdapter(Channels.Msteams) { OnTurnError = (_, ex) => throw new InvalidOperationException("turn failed", ex) },
        _services.Bot);
}
