using CoachBot.Core.Admin;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Extensions.DependencyInjection;
using static CoachBot.Bot.Tests.Handlers.AdminTestData;
using ChannelActivities = CoachBot.Bot.Tests.StudyChannels.ChannelActivities;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>
/// Every chat admin command, as a learner (refused, nothing changed), as a configured admin and as a granted admin
/// (it runs), on real SQLite stores through the bot.
/// </summary>
public sealed class AdminAuthorizationTests : IAsyncLifetime
{
    private const string Configured = "29:configured-admin";
    private const string Granted = "29:granted-admin";
    private const string Learner = "29:learner";

    private BotTestServices _services = null!;

    public async Task InitializeAsync()
    {
        _services = await ServicesAsync(Configured);
        var access = _services.Provider.GetRequiredService<AdminAccess>();
        await access.GrantAsync(AdminActor.System, Granted);
        await access.GrantAsync(AdminActor.System, "29:to-revoke");
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    /// <summary>Command, the action named to learners, and what an admin sees.</summary>
    public static TheoryData<string, string, string> Commands => new()
    {
        { "admin sets", "list the question sets for editing", "Question sets (1)" },
        { $"admin set {SeedSet}", "see a set's question ids", "How does security relate to customer trust at Amazon?" },
        { $"admin versions {SeedSet}", "see a set's versions", "UTC by system" },
        { $"admin import dry run\n{SreMarkdown}", "import question sets", "Dry run: nothing was stored" },
        { $"admin import\n{SreMarkdown}", "import question sets", $"Imported \"SRE Interview Prep\" ({SreSet}) v1." },
        { $"admin add question {SeedSet} Why do customers care about passkeys?", "add questions", "v2: question added." },
        { $"admin disable question {SeedSet} q1", "disable questions", "v2: question q1 disabled." },
        { $"admin enable question {SeedSet} q1", "enable questions", "Question q1 of \"amazon-customer-trust\" is already enabled." },
        { $"admin rollback {SeedSet} 1", "roll back question sets", "Nothing changed" },
        { $"admin activate {SeedSet}", "choose the active question set", "is now the default set." },
        { $"admin activate {SeedSet} here", "choose the active question set", "\"here\" chooses the set of a channel or group chat" },
        { "admin grant 29:newcomer", "grant admin rights", "29:newcomer is now an admin." },
        { "admin revoke 29:to-revoke", "revoke admin rights", "29:to-revoke is no longer an admin." },
        { "admin audit", "read the audit log", "admin.grant 29:to-revoke" },
        { "admin help", "see the admin commands", "admin import [set <id>] [dry run]" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Learner_IsToldOnlyAdminsCan_AndNothingChanges(string command, string action, string adminSees)
    {
        _ = adminSees;
        var before = await SnapshotAsync(_services.Provider);

        await Flow().Send(From(Learner, command)).AssertReply(a => Assert.Equal($"Only admins can {action}.", Transcript.Visible(a))).StartTestAsync();

        Assert.Equal(before, await SnapshotAsync(_services.Provider));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task ConfiguredAdmin_RunsIt(string command, string action, string adminSees)
    {
        _ = action;
        await Flow().Send(From(Configured, command)).AssertReply(a => Assert.Contains(adminSees, Transcript.Visible(a), StringComparison.Ordinal)).StartTestAsync();
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task GrantedAdmin_RunsIt(string command, string action, string adminSees)
    {
        _ = action;
        await Flow().Send(From(Granted, command)).AssertReply(a => Assert.Contains(adminSees, Transcript.Visible(a), StringComparison.Ordinal)).StartTestAsync();
    }

    [Fact]
    public async Task ChannelActivateHere_MemberRefusedAndNothingChanges_AdminsSetThePlacesSet()
    {
        var before = await SnapshotAsync(_services.Provider);
        var command = $"<at>CoachBot</at> admin activate {SeedSet} here";

        await Flow()
            .Send(ChannelActivities.Message(command, ChannelActivities.Channel, Learner))
            .AssertReply(a => Assert.Equal("Only admins can choose the active question set. Ask one of this channel's CoachBot admins.", Transcript.Visible(a)))
            .StartTestAsync();
        Assert.Equal(before, await SnapshotAsync(_services.Provider));

        foreach (var admin in new[] { Configured, Granted })
        {
            await Flow()
                .Send(ChannelActivities.Message(command, ChannelActivities.Channel, admin))
                .AssertReply(a => Assert.Equal("\"Amazon-Specific Preparation - Customer Trust Focus\" (amazon-customer-trust) is now the set for this conversation.", Transcript.Visible(a)))
                .StartTestAsync();
        }

        var assignment = Assert.Single(await _services.Provider.GetRequiredService<IAdminStore>().GetAssignmentsAsync());
        Assert.Equal((SetScope.Place, $"msteams:{ChannelActivities.Channel}", SeedSet, Granted), (assignment.Scope, assignment.Key, assignment.SetId, assignment.AssignedBy));
    }

    [Fact]
    public async Task Revoke_ConfiguredAdmin_IsRefused()
    {
        await Flow()
            .Send(From(Granted, $"admin revoke {Configured}"))
            .AssertReply(a => Assert.Equal($"{Configured} is an admin through configuration (Admin:Users); remove them there, not in the app.", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.True(await _services.Provider.GetRequiredService<AdminAccess>().IsAdminAsync([Configured]));
    }

    [Fact]
    public async Task Revoke_TheLastAdmin_IsRefused()
    {
        await using var services = await ServicesAsync();
        await services.Provider.GetRequiredService<AdminAccess>().GrantAsync(AdminActor.System, "29:only");

        await AdminTestData.Flow(services, Channels.Msteams)
            .Send(From("29:only", "admin revoke 29:only"))
            .AssertReply(a => Assert.Equal("29:only is the last admin; grant someone else first.", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.True(await services.Provider.GetRequiredService<AdminAccess>().IsAdminAsync(["29:only"]));
    }

    private TestFlow Flow() => AdminTestData.Flow(_services, Channels.Msteams);
}
