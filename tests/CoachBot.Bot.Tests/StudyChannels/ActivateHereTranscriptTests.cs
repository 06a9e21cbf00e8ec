using System.Text;
using CoachBot.Core.Admin;
using CoachBot.Core.Importing;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.StudyChannels.ChannelActivities;
using Transcript = CoachBot.Bot.Tests.Handlers.Transcript;

namespace CoachBot.Bot.Tests.StudyChannels;

/// <summary><c>admin activate &lt;set&gt; here|team</c> in a Teams channel: the place's set is what run now, subscribe and quiz use.</summary>
public sealed class ActivateHereTranscriptTests : IAsyncLifetime
{
    private const string Admin = "29:admin";
    private const string Sre = Handlers.AdminTestData.SreSet;

    private BotTestServices _services = null!;

    public async Task InitializeAsync()
    {
        _services = await Handlers.AdminTestData.ServicesAsync(Admin);
        var imported = await _services.Provider.GetRequiredService<QuestionSetAdmin>().ImportAsync(
            AdminActor.System, Encoding.UTF8.GetBytes(Handlers.AdminTestData.SreMarkdown), QuestionSetFormat.Markdown, "sre.md", null, dryRun: false);
        Assert.True(imported.Succeeded, imported.Message);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task ActivateHere_RunNowAndSubscribe_UseThePlacesSet_AndAnotherSetLaterMentionsTheSchedule()
    {
        await Flow()
            .Send(Message($"<at>CoachBot</at> admin activate {Sre} here", Channel, Admin))
            .AssertReply(a => Assert.Equal($"\"SRE Interview Prep\" ({Sre}) is now the set for this conversation.", Transcript.Visible(a)))
            .Send(Message("<at>CoachBot</at> run now", Channel, Admin))
            .Send(Message("<at>CoachBot</at> subscribe daily 09:00 Europe/Berlin", Channel, Admin))
            .AssertReply(a => Assert.StartsWith("Subscribed: a question of the day from \"SRE Interview Prep\"", Transcript.Visible(a), StringComparison.Ordinal))
            .Send(Message("<at>CoachBot</at> admin activate amazon-customer-trust here", Channel, Admin))
            .AssertReply(a => Assert.EndsWith($"is now the set for this conversation. The question of the day here still uses {Sre}; subscribe again to switch it.", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        var post = Assert.Single(_services.Messenger.Sent);
        Assert.Contains("SRE Interview Prep", post.Message.ToPlainText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActivateTeam_StoresTheTeamsSet_ButAGroupChatHasNoTeam()
    {
        const string chat = "19:group@thread.v2";
        await Flow()
            .Send(Message($"<at>CoachBot</at> admin activate {Sre} team", Channel, Admin))
            .AssertReply(a => Assert.Equal($"\"SRE Interview Prep\" ({Sre}) is now the set for this team.", Transcript.Visible(a)))
            .Send(GroupChat(Message($"<at>CoachBot</at> admin activate {Sre} team", chat, Admin), chat))
            .AssertReply(a => Assert.StartsWith("This conversation isn't part of a Teams team.", Transcript.Visible(a), StringComparison.Ordinal))
            .Send(Message("<at>CoachBot</at> help", Channel, "29:member"))
            .AssertReply(a => Assert.Contains("admin activate <set id> [here|team]\nchoose the question set", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        var assignment = Assert.Single(await _services.Provider.GetRequiredService<IAdminStore>().GetAssignmentsAsync());
        Assert.Equal((SetScope.Team, "team-1", Sre), (assignment.Scope, assignment.Key, assignment.SetId));
        Assert.Equal(Sre, await _services.Provider.GetRequiredService<SetActivation>().ResolveAsync(null, $"msteams:{Channel}", "team-1"));
    }

    private TestFlow Flow() => Handlers.AdminTestData.Flow(_services, Channels.Msteams);
}
