using System.Text;
using CoachBot.Bot.Handlers;
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
/// <c>admin import</c> with an attached file, per channel: a Teams file (its <c>downloadUrl</c> on a loopback host), an
/// Emulator/Web Chat attachment (<c>contentUrl</c>: a <c>data:</c> URL or a loopback URL); malformed and unreadable files;
/// nothing downloaded for learners.
/// </summary>
public sealed class AdminImportAttachmentTests : IAsyncLifetime
{
    private const string Admin = "user1";

    private BotTestServices _services = null!;
    private LoopbackFiles _files = null!;

    public async Task InitializeAsync()
    {
        _services = await ServicesAsync(Admin);
        _files = await LoopbackFiles.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _files.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Emulator_JsonAsDataUrl_IsImported()
    {
        var file = new Attachment("application/json", "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(SreJson)), name: "sre.json");

        await Flow(Channels.Emulator)
            .Send(From(Admin, "admin import", file)).AssertReply(a =>
            {
                Assert.Contains("Imported \"SRE prep\" (sre) v1.", Transcript.Visible(a), StringComparison.Ordinal);
                Assert.Contains("Questions: 2 questions", Transcript.Visible(a), StringComparison.Ordinal);
            })
            .StartTestAsync();

        var set = await Sets.GetLatestAsync("sre");
        Assert.Equal(("SRE prep", "sre.json", 2), (set?.Title, set?.Source, set?.Questions.Count));
    }

    [Fact]
    public async Task Teams_FileOnALoopbackDownloadUrl_DryRunWithAnotherId_ThenImported()
    {
        var url = _files.Add("drive/sre.json", Encoding.UTF8.GetBytes(SreJson));
        var teamsFile = new Attachment(AttachmentReader.TeamsFileDownloadInfo, content: JObject.FromObject(new { downloadUrl = url, uniqueId = "f1", fileType = "json" }), name: "sre.json");

        await Flow(Channels.Msteams)
            .Send(From(Admin, "admin import set site-reliability dry run", teamsFile)).AssertReply(a =>
            {
                Assert.Contains("Dry run: nothing was stored", Transcript.Visible(a), StringComparison.Ordinal);
                Assert.Contains("SRE prep (site-reliability)", Transcript.Visible(a), StringComparison.Ordinal);
            })
            .Send(From(Admin, "admin import", teamsFile)).AssertReply(a => Assert.Contains("Imported \"SRE prep\" (sre) v1.", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Null(await Sets.GetLatestAsync("site-reliability"));
        Assert.NotNull(await Sets.GetLatestAsync("sre"));
        Assert.Equal(["drive/sre.json", "drive/sre.json"], _files.Requests);
    }

    [Fact]
    public async Task WebChat_ContentUrlOnLoopback_IsImported()
    {
        var url = _files.Add("attachments/sre.json", Encoding.UTF8.GetBytes(SreJson), "application/json");

        await Flow(Channels.Webchat)
            .Send(From(Admin, "admin import", new Attachment("application/json", url, name: "sre.json")))
            .AssertReply(a => Assert.Contains("Imported \"SRE prep\" (sre) v1.", Transcript.Visible(a), StringComparison.Ordinal))
            .StartTestAsync();

        Assert.Equal(1, (await Sets.GetLatestAsync("sre"))?.Version);
    }

    [Fact]
    public async Task Csv_IntoAnExistingSet_StoresTheNextVersion_AndListsTheChanges()
    {
        const string csv = "id,text\nq1,How does security relate to customer trust at Amazon?\nq9,What would you secure first in a new checkout flow?\n";
        var file = new Attachment("text/csv", "data:text/csv;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(csv)), name: "questions.csv");

        await Flow(Channels.Msteams)
            .Send(From(Admin, $"admin import set {SeedSet}", file)).AssertReply(a =>
            {
                var text = Transcript.Flat(a);
                Assert.Contains($"({SeedSet}) v2.", text, StringComparison.Ordinal);
                Assert.Contains("Version: v2 (the latest was v1)", text, StringComparison.Ordinal);
                Assert.Contains("question q9 added", text, StringComparison.Ordinal);
                Assert.Contains("question q2 removed", text, StringComparison.Ordinal);
            })
            .StartTestAsync();

        Assert.Equal(["q1", "q9"], (await Sets.GetLatestAsync(SeedSet))!.Questions.Select(q => q.Id));
    }

    [Fact]
    public async Task MalformedJson_EveryProblemWithItsLine_AndNothingStored()
    {
        var before = await SnapshotAsync(_services.Provider);
        var file = new Attachment("application/json", "data:application/json;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(TrailingCommaJson)), name: "sre.json");

        await Flow(Channels.Slack)
            .Send(From(Admin, "admin import", file)).AssertReply(a =>
            {
                Assert.Contains("Nothing was imported: the document has 1 problem.", a.AsMessageActivity().Text, StringComparison.Ordinal);
                Assert.Contains("• *line 11, column 3*: invalid JSON", a.AsMessageActivity().Text, StringComparison.Ordinal);
            })
            .StartTestAsync();

        Assert.Equal(before, await SnapshotAsync(_services.Provider));
    }

    [Fact]
    public async Task Learner_AttachingAFile_IsRefused_AndNothingIsDownloaded()
    {
        var url = _files.Add("drive/sre.json", Encoding.UTF8.GetBytes(SreJson));
        var teamsFile = new Attachment(AttachmentReader.TeamsFileDownloadInfo, content: JObject.FromObject(new { downloadUrl = url }), name: "sre.json");

        await Flow(Channels.Msteams)
            .Send(From("29:learner", "admin import", teamsFile)).AssertReply(a => Assert.Equal("Only admins can import question sets.", Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Empty(_files.Requests);
        Assert.Null(await Sets.GetLatestAsync("sre"));
    }

    [Theory]
    [InlineData("http://files.example.com/sre.json", "sre.json", "I can't read that attachment: I only download files over https.")]
    [InlineData("https://127.0.0.1:1/sre.png", "sre.png", "I can't tell the format of sre.png: attach a .md, .json, .yaml or .csv file.")]
    public async Task UnreadableOrUnknownFile_GetsAClearAnswer_AndNothingIsStored(string url, string name, string reply)
    {
        var before = await SnapshotAsync(_services.Provider);

        await Flow(Channels.Emulator)
            .Send(From(Admin, "admin import", new Attachment(null, url, name: name))).AssertReply(a => Assert.Equal(reply, Transcript.Visible(a)))
            .StartTestAsync();

        Assert.Equal(before, await SnapshotAsync(_services.Provider));
    }

    [Fact]
    public async Task FileAndPastedMarkdownTogether_AreRefused()
    {
        var file = new Attachment("application/json", "data:application/json,{}", name: "sre.json");

        await Flow(Channels.Emulator)
            .Send(From(Admin, $"admin import\n{SreMarkdown}", file)).AssertReply(a => Assert.Equal("Attach a file or paste Markdown, not both.", Transcript.Visible(a)))
            .StartTestAsync();
    }

    private IQuestionSetStore Sets => _services.Provider.GetRequiredService<IQuestionSetStore>();

    private TestFlow Flow(string channel) => AdminTestData.Flow(_services, channel);
}
