using CoachBot.Core.Admin;
using CoachBot.Core.QuestionSets;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static CoachBot.Bot.Tests.Handlers.AdminTestData;

namespace CoachBot.Bot.Tests.Handlers;

/// <summary>
/// Chat administration as transcripts on real SQLite stores, per channel: what an admin sees (cards on Teams, Web Chat and
/// the Emulator, mrkdwn on Slack, text in the terminal) and what learners get afterwards.
/// </summary>
public sealed class AdminTranscriptTests : IAsyncLifetime
{
    /// <summary>The TestAdapter's own user, configured as an admin: <c>Send("…")</c> speaks as the admin.</summary>
    private const string Admin = "user1";
    private const string Learner = "29:learner";
    private const string FirstSeedQuestion = "How does security relate to customer trust at Amazon?";

    private BotTestServices _services = null!;

    public async Task InitializeAsync() => _services = await ServicesAsync(Admin);

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Theory]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Webchat)]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Slack)]
    [InlineData("terminal")]
    public async Task AdminSets_ThenAdminSet_ListSetsAndQuestionIds_RenderedForTheChannel(string channel)
    {
        await Flow(channel)
            .Send("admin sets").AssertReply(a =>
            {
                AssertRenderedFor(channel, a);
                Assert.Contains($"{SeedSet}: Amazon-Specific Preparation - Customer Trust Focus · v1 · 4 questions · default", Transcript.Flat(a));
            })
            .Send($"admin set {SeedSet}").AssertReply(a =>
            {
                AssertRenderedFor(channel, a);
                Assert.Contains($"q1: {FirstSeedQuestion}", Transcript.Flat(a));
                Assert.Contains("q4: Explain why security is important at Amazon", Transcript.Flat(a));
                Assert.Contains($"{SeedSet} · v1 · 4 questions · 4 mental models · 5 success criteria", Transcript.Flat(a));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData(Channels.Msteams)]
    [InlineData(Channels.Slack)]
    [InlineData(Channels.Emulator)]
    public async Task ImportPastedMarkdown_DryRunStoresNothing_ThenTheImportStoresV1(string channel)
    {
        await Flow(channel)
            .Send($"admin import dry run\n{SreMarkdown}").AssertReply(a =>
            {
                AssertRenderedFor(channel, a);
                var text = Transcript.Flat(a);
                Assert.Contains("Dry run: nothing was stored", text);
                Assert.Contains($"Set: SRE Interview Prep ({SreSet})", text);
                Assert.Contains("Version: v1 (a new set)", text);
                Assert.Contains("Questions: 2 questions", text);
                Assert.Contains("Mental models: 2", text);
                Assert.Contains("new set \"SRE Interview Prep\": 2 questions, 2 mental models, 1 success criteria", text);
            })
            .StartTestAsync();
        Assert.Null(await Sets.GetLatestAsync(SreSet));

        await Flow(channel)
            .Send($"admin import\n{SreMarkdown}").AssertReply(a => Assert.Contains($"Imported \"SRE Interview Prep\" ({SreSet}) v1.", Transcript.Flat(a)))
            .Send($"admin import\n{SreMarkdown}").AssertReply(a => Assert.Contains("already has exactly this content; nothing to import", Transcript.Flat(a)))
            .StartTestAsync();
        var stored = await Sets.GetLatestAsync(SreSet);
        Assert.Equal((1, "chat"), (stored?.Version, stored?.Source));
        Assert.Contains(await Audit(), e => e.Action == "set.import" && e.Target == SreSet && e.ActorId == Admin);
    }

    [Fact]
    public async Task ImportMalformedMarkdown_ListsTheProblemWithItsLine_AndStoresNothing()
    {
        var before = await SnapshotAsync(_services.Provider);

        await Flow(Channels.Msteams)
            .Send($"admin import\n{NoQuestionsMarkdown}").AssertReply(a =>
            {
                Assert.Contains("Nothing was imported: the document has 1 problem.", Transcript.Flat(a));
                Assert.Contains("line 7: the questions list is empty", Transcript.Flat(a));
            })
            .StartTestAsync();

        Assert.Equal(before, await SnapshotAsync(_services.Provider));
    }

    [Fact]
    public async Task AddQuestion_StoresV2_AndDisableQuestion_IsNoLongerAskedInPractice()
    {
        await Flow(Channels.Msteams)
            .Send($"admin add question {SeedSet} How would you explain encryption at rest to a customer?").AssertReply(a =>
            {
                Assert.Contains("(amazon-customer-trust) v2: question added.", Transcript.Flat(a));
                Assert.Contains("q5: How would you explain encryption at rest to a customer?", Transcript.Flat(a));
            })
            .Send($"admin disable question {SeedSet} q1").AssertReply(a => Assert.Contains("v3: question q1 disabled.", Transcript.Flat(a)))
            .Send($"admin set {SeedSet}").AssertReply(a => Assert.Contains($"q1 (disabled): {FirstSeedQuestion}", Transcript.Flat(a)))
            .StartTestAsync();

        var flow = Flow(Channels.Msteams)
            .Send(From(Learner, "practice")).AssertReply(a =>
            {
                Assert.Contains("Question 1 of 4", Transcript.Flat(a));
                Assert.Contains("Give an example of security improving customer experience", Transcript.Flat(a));
            });
        for (var i = 0; i < 5; i++)
        {
            flow = flow.Send(From(Learner, "next")).AssertReply(a => Assert.DoesNotContain(FirstSeedQuestion, Transcript.Flat(a), StringComparison.Ordinal));
        }

        await flow.StartTestAsync();
        Assert.Equal(3, (await Sets.GetLatestAsync(SeedSet))!.Version);
    }

    [Fact]
    public async Task AdminActivate_ChangesWhatLearnersPractise()
    {
        await Flow(Channels.Msteams)
            .Send(From(Learner, "practice")).AssertReply(a => Assert.Contains(FirstSeedQuestion, Transcript.Flat(a)))
            .Send($"admin import\n{SreMarkdown}").AssertReply(_ => { })
            .Send($"admin activate {SreSet}").AssertReply(a => Assert.Equal($"\"SRE Interview Prep\" ({SreSet}) is now the default set.", Transcript.Flat(a)))
            .Send(From(Learner, "practice")).AssertReply(a =>
            {
                Assert.Contains("Question 1 of 2 · SRE Interview Prep", Transcript.Flat(a));
                Assert.Contains("What is an error budget and who owns it?", Transcript.Flat(a));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Use_ChangesWhatPracticeAsks_AndUseDefaultGoesBack()
    {
        await Flow(Channels.Msteams).Send($"admin import\n{SreMarkdown}").AssertReply(_ => { }).StartTestAsync();

        await Flow(Channels.Slack)
            .Send(From(Learner, "practice")).AssertReply(a => Assert.Contains(FirstSeedQuestion, Transcript.Flat(a)))
            .Send(From(Learner, $"use {SreSet}")).AssertReply(a => Assert.StartsWith("You're now practising \"SRE Interview Prep\" (2 questions). Say practice to start.", Transcript.Flat(a)))
            .Send(From(Learner, "sets")).AssertReply(a =>
            {
                Assert.Contains($"{SeedSet}: Amazon-Specific Preparation - Customer Trust Focus · 4 questions", Transcript.Flat(a));
                Assert.Contains($"{SreSet}: SRE Interview Prep · 2 questions · yours", Transcript.Flat(a));
            })
            .Send(From(Learner, "practice")).AssertReply(a => Assert.Contains("Question 1 of 2 · SRE Interview Prep", Transcript.Flat(a)))
            .Send(From(Learner, "use nope")).AssertReply(a => Assert.Equal("There is no question set \"nope\". Say sets to see the ones there are.", Transcript.Flat(a)))
            .Send(From(Learner, "use default")).AssertReply(a => Assert.StartsWith("Back to the default set: \"Amazon-Specific Preparation - Customer Trust Focus\".", Transcript.Flat(a)))
            .Send(From(Learner, "practice")).AssertReply(a => Assert.Contains("Question 2 of 4 · Amazon-Specific Preparation - Customer Trust Focus", Transcript.Flat(a)))
            .Send(From(Learner, "Use TLS everywhere and rotate the keys often")).AssertReply(a => Assert.Matches(@"\d{1,3}/100", Transcript.Flat(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task AdminSet_OfALongSet_ShowsTwentyQuestionsAndHowManyMore()
    {
        var questions = string.Join("\n", Enumerable.Range(1, 25).Select(i => $"- \"Question number {i}: why does it matter?\""));
        var markdown = SreMarkdown.Replace("- \"What is an error budget and who owns it?\"\n- \"How do you reduce toil in an on-call rotation?\"", questions, StringComparison.Ordinal);

        await Flow(Channels.Msteams)
            .Send($"admin import\n{markdown}").AssertReply(a => Assert.Contains("Questions: 25 questions", Transcript.Flat(a)))
            .Send($"admin set {SreSet}").AssertReply(a =>
            {
                Assert.Contains("q20: Question number 20: why does it matter?", Transcript.Flat(a));
                Assert.DoesNotContain("q21:", Transcript.Flat(a), StringComparison.Ordinal);
                Assert.Contains("\u2026 and 5 more.", Transcript.Flat(a));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task LearnerAnswer_StartingLikeAnAdminCommand_IsGradedNotRefused()
    {
        await Flow(Channels.Msteams)
            .Send(From(Learner, "practice")).AssertReply(a => Assert.Contains(FirstSeedQuestion, Transcript.Flat(a)))
            .Send(From(Learner, "Admin set up passkeys for 2M customers, which cut account takeovers by 40% while checkout stayed fast."))
            .AssertReply(a => Assert.Matches(@"Your score: \d{1,3}/100", Transcript.Flat(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task AdminAudit_ListsTheChangesNewestFirst()
    {
        await Flow(Channels.Emulator)
            .Send($"admin add question {SeedSet} Why do passkeys help customers?").AssertReply(_ => { })
            .Send($"admin disable question {SeedSet} q2").AssertReply(_ => { })
            .Send("admin grant 29:bob").AssertReply(a => Assert.Equal("29:bob is now an admin.", Transcript.Flat(a)))
            .Send("admin audit").AssertReply(a =>
            {
                var text = Transcript.Flat(a);
                var grant = text.IndexOf("User1 (user1) via Chat: admin.grant 29:bob", StringComparison.Ordinal);
                var disable = text.IndexOf($"User1 (user1) via Chat: question.disable {SeedSet} v2 → v3 · question q2 disabled", StringComparison.Ordinal);
                var add = text.IndexOf($"User1 (user1) via Chat: question.add {SeedSet} v1 → v2 · question added", StringComparison.Ordinal);
                Assert.True(grant >= 0 && disable > grant && add > disable, text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task GrantAndRevoke_ByMention_UseTheMentionedUsersAadObjectId()
    {
        var bob = new ChannelAccount("29:bob", "Bob", aadObjectId: "aad-bob");
        await Flow(Channels.Msteams)
            .Send(Mentioning("admin grant <at>Bob</at>", bob)).AssertReply(a => Assert.Equal("aad-bob is now an admin.", Transcript.Flat(a)))
            .Send(new Activity(ActivityTypes.Message) { Text = "admin sets", From = bob }).AssertReply(a => Assert.Contains("Question sets (1)", Transcript.Flat(a)))
            .Send(Mentioning("admin revoke <at>Bob</at>", bob)).AssertReply(a => Assert.Equal("aad-bob is no longer an admin.", Transcript.Flat(a)))
            .Send(new Activity(ActivityTypes.Message) { Text = "admin sets", From = bob }).AssertReply(a => Assert.Equal("Only admins can list the question sets for editing.", Transcript.Flat(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Help_ForLearners_ListsSetsAndUse_ButNoAdminCommands()
    {
        await Flow(Channels.Msteams)
            .Send(From(Learner, "help")).AssertReply(a =>
            {
                Assert.Contains("sets: The question sets you can practise, with their ids.", Transcript.Flat(a));
                Assert.Contains("use <set id> / use default:", Transcript.Flat(a));
                Assert.DoesNotContain("admin", Transcript.Flat(a), StringComparison.OrdinalIgnoreCase);
            })
            .Send("admin help").AssertReply(a => Assert.Contains("admin import [set <id>] [dry run]:", Transcript.Flat(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task AdminActivateHere_InTheOneToOneChat_ExplainsWhereItWorks()
    {
        await Flow(Channels.Msteams)
            .Send($"admin activate {SeedSet} here").AssertReply(a => Assert.StartsWith(
                $"\"here\" chooses the set of a channel or group chat, and this is our 1:1 chat: mention me there with admin activate {SeedSet} here.", Transcript.Flat(a)))
            .StartTestAsync();
        Assert.Empty(await _services.Provider.GetRequiredService<IAdminStore>().GetAssignmentsAsync());
    }

    private IQuestionSetStore Sets => _services.Provider.GetRequiredService<IQuestionSetStore>();

    private Task<IReadOnlyList<AuditEntry>> Audit() => _services.Provider.GetRequiredService<AuditLog>().ReadAsync(0, 100);

    private TestFlow Flow(string channel) => AdminTestData.Flow(_services, channel);

    private static Activity Mentioning(string text, ChannelAccount user) => new(ActivityTypes.Message)
    {
        Text = text,
        Entities = [new Entity("mention") { Properties = JObject.FromObject(new { mentioned = new { id = user.Id, name = user.Name, aadObjectId = user.AadObjectId }, text = $"<at>{user.Name}</at>" }) }],
    };

    private static void AssertRenderedFor(string channel, IActivity activity)
    {
        var message = activity.AsMessageActivity();
        switch (channel)
        {
            case Channels.Slack:
                Assert.Empty(message.Attachments ?? []);
                Assert.Equal(TextFormatTypes.Markdown, message.TextFormat);
                Assert.Contains("*", message.Text, StringComparison.Ordinal);
                break;
            case "terminal":
                Assert.Empty(message.Attachments ?? []);
                Assert.Equal(TextFormatTypes.Plain, message.TextFormat);
                break;
            default:
                Assert.Equal("application/vnd.microsoft.card.adaptive", Assert.Single(message.Attachments).ContentType);
                break;
        }
    }
}
