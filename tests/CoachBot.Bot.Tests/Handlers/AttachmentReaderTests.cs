using System.Text;
using CoachBot.Bot.Handlers;
using CoachBot.Core.Importing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json.Linq;

namespace CoachBot.Bot.Tests.Handlers;

public sealed class AttachmentReaderTests : IAsyncLifetime
{
    private LoopbackFiles _files = null!;
    private ServiceProvider _provider = null!;

    public async Task InitializeAsync()
    {
        _files = await LoopbackFiles.StartAsync();
        _provider = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _provider.DisposeAsync();
        await _files.DisposeAsync();
    }

    private AttachmentReader CreateSut() => new(_provider.GetRequiredService<IHttpClientFactory>(), NullLogger<AttachmentReader>.Instance);

    [Fact]
    public void Describe_SkipsTeamsHtmlCopyAndCards_AndDownloadsNothing()
    {
        var url = _files.Add("set.json", Encoding.UTF8.GetBytes("{}"));
        var activity = Message(
            new Attachment("text/html", content: "<p>admin import</p>"),
            new Attachment("application/vnd.microsoft.card.adaptive", content: new JObject()),
            new Attachment("application/json", url, name: "set.json"));

        var described = CreateSut().Describe(activity);

        Assert.Equal(("set.json", "application/json"), (Assert.Single(described).Name, described[0].ContentType));
        Assert.Empty(_files.Requests);
    }

    [Fact]
    public async Task Read_TeamsFile_DownloadsItsDownloadUrl()
    {
        var url = _files.Add("drive/set.json", Encoding.UTF8.GetBytes("{\"id\":\"x\"}"));
        var teamsFile = new Attachment(AttachmentReader.TeamsFileDownloadInfo, content: JObject.FromObject(new { downloadUrl = url, uniqueId = "1", fileType = "json" }), name: "set.json");

        var file = Assert.Single(CreateSut().Describe(Message(teamsFile)));
        var content = await file.ReadAsync(default);

        Assert.Equal(("set.json", (string?)null), (file.Name, file.ContentType));
        Assert.Equal("{\"id\":\"x\"}", Encoding.UTF8.GetString(content.Bytes.Span));
        Assert.Equal(["drive/set.json"], _files.Requests);
    }

    [Theory]
    [InlineData("data:application/json;base64,eyJpZCI6IngifQ==", "{\"id\":\"x\"}")]
    [InlineData("data:text/markdown,%23%20Title%0A-%201+1", "# Title\n- 1+1")]
    public async Task Read_DataUrl_Decodes(string url, string expected)
    {
        var content = await ReadAsync(url);

        Assert.Null(content.Problem);
        Assert.Equal(expected, Encoding.UTF8.GetString(content.Bytes.Span));
    }

    [Theory]
    [InlineData("http://example.com/set.json", "I can't read that attachment: I only download files over https.")]
    [InlineData("ftp://127.0.0.1/set.json", "I can't read that attachment: I only download files over https.")]
    [InlineData("file:///etc/passwd", "I can't read that attachment: I only download files over https.")]
    [InlineData("data:application/json;base64,not base64!", "I can't read that attachment: its data: address is malformed.")]
    [InlineData("not a url", "I can't read that attachment: it has no download address.")]
    public async Task Read_AddressesItMayNotFetch_SayWhy(string url, string problem) =>
        Assert.Equal(problem, (await ReadAsync(url)).Problem);

    [Fact]
    public async Task Read_MissingFile_SaysTheDownloadWasRefused()
    {
        var content = await ReadAsync($"{_files.BaseUrl}/missing.json");

        Assert.Equal("I can't read that attachment: the download was refused (404 NotFound). Attach it again.", content.Problem);
    }

    [Fact]
    public async Task Read_LargeFile_StopsOneByteOverTheImportLimit()
    {
        var url = _files.Add("big.md", new byte[QuestionSetImporter.MaxBytes + 5000]);

        var content = await ReadAsync(url);

        Assert.Equal(QuestionSetImporter.MaxBytes + 1, content.Bytes.Length);
    }

    private async Task<Core.Practice.AttachmentContent> ReadAsync(string url) =>
        await Assert.Single(CreateSut().Describe(Message(new Attachment("application/json", url, name: "set.json")))).ReadAsync(default);

    private static Activity Message(params Attachment[] attachments) => new(ActivityTypes.Message) { Text = "admin import", Attachments = attachments };
}
