using YamlDotNet.RepresentationModel;

namespace CoachBot.Tests.Deploy;

/// <summary>deploy/slack/manifest.yml: the Slack app for the Azure Bot Service Slack channel.</summary>
public sealed class SlackManifestTests
{
    /// <summary>The events Azure Bot Service's Slack channel documents, and the bot scope each needs.</summary>
    public static TheoryData<string, string> EventScopes => new()
    {
        { "message.channels", "channels:history" },
        { "message.groups", "groups:history" },
        { "message.im", "im:history" },
        { "message.mpim", "mpim:history" },
        { "member_joined_channel", "channels:read" },
        { "member_left_channel", "channels:read" },
    };

    private static YamlMappingNode Manifest()
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(RepoFiles.Read("deploy/slack/manifest.yml")));
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static YamlNode At(params string[] path) =>
        path.Aggregate((YamlNode)Manifest(), (node, key) => ((YamlMappingNode)node).Children[new YamlScalarNode(key)]);

    private static string Scalar(params string[] path) => ((YamlScalarNode)At(path)).Value!;

    private static List<string> Sequence(params string[] path) => ((YamlSequenceNode)At(path)).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();

    internal static List<string> BotScopes() => Sequence("oauth_config", "scopes", "bot");

    [Fact]
    public void Events_AreThoseAzureBotServiceForwards()
    {
        Assert.Equal(EventScopes.Select(e => (string)e[0]).Order(), Sequence("settings", "event_subscriptions", "bot_events").Order());
    }

    [Theory]
    [MemberData(nameof(EventScopes))]
    public void EveryEvent_HasTheScopeItNeeds(string slackEvent, string scope)
    {
        Assert.Contains(slackEvent, Sequence("settings", "event_subscriptions", "bot_events"));
        Assert.Contains(scope, BotScopes());
    }

    [Theory]
    [InlineData("chat:write")] // every reply and post
    [InlineData("im:read")] // Azure Bot Service reads the DM before passing a message on
    [InlineData("im:write")] // private feedback and quiz questions open a 1:1 chat
    [InlineData("users:read")]
    [InlineData("files:read")]
    [InlineData("groups:read")]
    public void Scopes_IncludeWhatTheBotDoes(string scope)
    {
        Assert.Contains(scope, BotScopes());
    }

    [Fact]
    public void Scopes_AreBotScopesOnly_EachOnce()
    {
        Assert.Equal(BotScopes().Distinct().Count(), BotScopes().Count);
        Assert.False(((YamlMappingNode)At("oauth_config", "scopes")).Children.ContainsKey(new YamlScalarNode("user")));
    }

    [Fact]
    public void Addresses_AreAzureBotServicesSlackEndpoints()
    {
        Assert.Equal("https://slack.botframework.com/api/Events/${{BOT_HANDLE}}", Scalar("settings", "event_subscriptions", "request_url"));
        Assert.Equal("true", Scalar("settings", "interactivity", "is_enabled"));
        Assert.Equal("https://slack.botframework.com/api/Actions", Scalar("settings", "interactivity", "request_url"));
        Assert.Equal(["https://slack.botframework.com/Home/auth"], Sequence("oauth_config", "redirect_urls"));
        Assert.Equal("false", Scalar("settings", "socket_mode_enabled")); // Azure Bot Service receives HTTP events
    }

    [Fact]
    public void App_HasABotUserThatLearnersCanMessageDirectly()
    {
        Assert.Equal("CoachBot", Scalar("features", "bot_user", "display_name"));
        Assert.Equal("true", Scalar("features", "app_home", "messages_tab_enabled"));
        Assert.Equal("false", Scalar("features", "app_home", "messages_tab_read_only_enabled"));
    }

    [Fact]
    public void DisplayInformation_FitsSlacksLimits()
    {
        Assert.InRange(Scalar("display_information", "name").Length, 1, 35);
        Assert.InRange(Scalar("display_information", "description").Length, 1, 140);
        Assert.InRange(Scalar("display_information", "long_description").Length, 175, 4000);
        Assert.Matches("^#[0-9a-fA-F]{6}$", Scalar("display_information", "background_color"));
    }
}
