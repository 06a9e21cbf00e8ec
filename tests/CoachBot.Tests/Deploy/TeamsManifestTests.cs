using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoachBot.Core.Channels;
using CoachBot.Core.Practice.Commands;
using CoachBot.Tests.Fakes;
using Json.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Deploy;

/// <summary>
/// deploy/teams: the app manifest (with its placeholders filled in as package.sh fills them) against the committed
/// Teams schema, its bot scopes and command lists, the icons, and the package the script writes.
/// </summary>
public sealed partial class TeamsManifestTests
{
    private const string BotId = "11111111-2222-3333-4444-555555555555";
    private const string BotDomain = "coachbot-web.example.net";

    private static readonly Dictionary<string, string> SampleValues = new()
    {
        ["BOT_ID"] = BotId,
        ["BOT_DOMAIN"] = BotDomain,
        ["TEAMS_APP_ID"] = "66666666-7777-8888-9999-000000000000",
        ["APP_VERSION"] = "1.2.3",
        ["DEVELOPER_NAME"] = "Contoso Coaching",
        ["DEVELOPER_URL"] = "https://contoso.example.com",
        ["PRIVACY_URL"] = "https://contoso.example.com/privacy",
        ["TERMS_URL"] = "https://contoso.example.com/terms",
    };

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(SchemaText()));

    /// <summary>
    /// The committed schema as the validator reads it. Teams' schema declares draft-04 but uses later keywords
    /// (<c>const</c>, <c>if</c>); JsonSchema.Net implements draft 6 and later, whose rules for every keyword the file
    /// uses are draft-04's or a superset of them (no boolean exclusiveMaximum, no <c>id</c> keyword), so it is read as draft 7.
    /// </summary>
    private static string SchemaText() =>
        RepoFiles.Read("deploy/teams/schema/MicrosoftTeams.schema.json")
            .Replace("\"http://json-schema.org/draft-04/schema#\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal);

    private static string Substitute(string manifest, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(manifest, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    private static JsonNode SampleManifest() => JsonNode.Parse(Substitute(RepoFiles.Read("deploy/teams/manifest.json"), SampleValues))!;

    private static EvaluationResults Validate(JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    private static JsonObject Bot(JsonNode manifest) => manifest["bots"]!.AsArray().Single()!.AsObject();

    [Fact]
    public void Manifest_WithSampleValues_IsValidAgainstTheCommittedSchema()
    {
        var results = Validate(SampleManifest());

        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void Schema_RejectsAManifestThatBreaksIt()
    {
        // The check above can fail: a bot id that is no GUID and an unknown scope are both caught.
        var manifest = SampleManifest();
        Bot(manifest)["botId"] = "not-a-guid";
        Bot(manifest)["scopes"]!.AsArray().Add("everywhere");

        var results = Validate(manifest);

        Assert.False(results.IsValid);
        Assert.Contains("/bots/0/botId", Errors(results), StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_DeclaresTheSchemaVersionItIsValidatedWith()
    {
        var manifest = JsonNode.Parse(RepoFiles.Read("deploy/teams/manifest.json"))!;
        var schema = JsonNode.Parse(RepoFiles.Read("deploy/teams/schema/MicrosoftTeams.schema.json"))!;
        var version = schema["properties"]!["manifestVersion"]!["const"]!.GetValue<string>();

        Assert.Equal(version, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void Bot_IsInstalledPersonallyInTeamsAndInGroupChats_AndAcceptsFiles()
    {
        var bot = Bot(SampleManifest());

        Assert.Equal(BotId, bot["botId"]!.GetValue<string>());
        Assert.Equal(["groupChat", "personal", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order());
        Assert.True(bot["supportsFiles"]!.GetValue<bool>()); // admins import question sets from files in the 1:1 chat
        Assert.False(bot["isNotificationOnly"]!.GetValue<bool>());
    }

    [Fact]
    public void CommandLists_OneListPerScope_AtMostTenCommandsEach()
    {
        var bot = Bot(SampleManifest());
        var lists = bot["commandLists"]!.AsArray().Select(l => l!.AsObject()).ToList();

        var scopes = lists.SelectMany(l => l["scopes"]!.AsArray().Select(s => s!.GetValue<string>())).ToList();
        Assert.Equal(bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order(), scopes.Order());
        Assert.All(lists, l => Assert.Single(l["scopes"]!.AsArray()));
        Assert.All(lists, l => Assert.InRange(l["commands"]!.AsArray().Count, 1, 10));
    }

    [Fact]
    public async Task CommandLists_OfferOnlyCommandsTheBotUnderstands()
    {
        using var db = ThrowawayDatabase.Create();
        await using var host = await TestHost.StartAsync(db);
        var chatTriggers = host.Services.GetServices<IChatCommand>().Where(c => c.AdminAction is null).SelectMany(c => c.Triggers).ToHashSet();
        var channelNames = host.Services.GetServices<IChannelCommand>().Select(c => c.Name).Append("help").ToHashSet();

        foreach (var list in Bot(SampleManifest())["commandLists"]!.AsArray())
        {
            var scope = list!["scopes"]![0]!.GetValue<string>();
            var known = scope == "personal" ? chatTriggers : channelNames;
            foreach (var title in list["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()))
            {
                // A title is what Teams types into the compose box; arguments follow (e.g. "subscribe daily 09:00 ...").
                Assert.True(known.Any(k => title == k || title.StartsWith(k + " ", StringComparison.Ordinal)), $"'{title}' ({scope}) is no command the bot knows");
            }
        }
    }

    [Fact]
    public void Manifest_AllowsTheBotsDomain()
    {
        Assert.Equal([BotDomain], SampleManifest()["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Theory]
    [InlineData("color", 192)]
    [InlineData("outline", 32)]
    public void Icons_ArePngsOfTheRequiredSize(string icon, int size)
    {
        var file = SampleManifest()["icons"]![icon]!.GetValue<string>();
        var bytes = File.ReadAllBytes(RepoFiles.PathOf(Path.Combine("deploy/teams", file)));

        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4))); // width
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4))); // height
        Assert.Equal(6, bytes[25]); // colour type 6: RGBA, so the outline icon can be transparent
    }

    [Fact]
    public void Placeholders_AreExactlyThoseThePackageScriptFillsIn()
    {
        var inManifest = Placeholder().Matches(RepoFiles.Read("deploy/teams/manifest.json")).Select(m => m.Groups[1].Value).ToHashSet();
        var script = RepoFiles.Read("deploy/teams/package.sh");
        var substituted = ScriptNames().Match(script).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        Assert.Equal(substituted.Order(), inManifest.Order());
        Assert.Equal(substituted.Order(), SampleValues.Keys.Order());
    }

    [UnixFact]
    public async Task PackageScript_WritesAZipWithTheFilledInManifestAndBothIcons()
    {
        var output = Path.Combine(Path.GetTempPath(), "coachbot-tests", Guid.NewGuid().ToString("N"), "app.zip");
        try
        {
            var result = await RunPackageScriptAsync(["--bot-id", BotId, "--bot-domain", BotDomain, "--version", "2.0.1", "--output", output]);

            Assert.True(result.ExitCode == 0, result.ToString());
            using var zip = ZipFile.OpenRead(output);
            Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
            using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
            var manifestText = await reader.ReadToEndAsync();
            Assert.DoesNotContain("${{", manifestText, StringComparison.Ordinal);
            var manifest = JsonNode.Parse(manifestText)!;
            var results = Validate(manifest);
            Assert.True(results.IsValid, Errors(results));
            Assert.Equal("2.0.1", manifest["version"]!.GetValue<string>());
            Assert.Equal(BotId, manifest["id"]!.GetValue<string>()); // the Teams app id defaults to the bot id
            Assert.Equal($"https://{BotDomain}", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        }
    }

    [UnixFact]
    public async Task PackageScript_RefusesABotIdThatIsNoGuid()
    {
        var result = await RunPackageScriptAsync(["--bot-id", "coachbot", "--bot-domain", BotDomain, "--output", Path.Combine(Path.GetTempPath(), "never-written.zip")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("BOT_ID 'coachbot' is not a GUID", result.Errors, StringComparison.Ordinal);
    }

    private static Task<ToolResult> RunPackageScriptAsync(IEnumerable<string> args) =>
        ToolProcess.RunAsync("bash", [RepoFiles.PathOf("deploy/teams/package.sh"), .. args], unsetVariables: SampleValues.Keys); // only the arguments count

    [GeneratedRegex(@"\$\{\{([A-Z_]+)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"for name in ([A-Z_ ]+); do")]
    private static partial Regex ScriptNames();
}
