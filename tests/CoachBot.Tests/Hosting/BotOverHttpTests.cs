using System.Net;
using System.Text.RegularExpressions;
using CoachBot.Core.Practice;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace CoachBot.Tests.Hosting;

/// <summary>The real host on 127.0.0.1, driven over HTTP exactly as Teams' channel would.</summary>
public sealed class BotOverHttpTests : LoopbackTest
{
    private const string StrongAnswer =
        "Security protects customer trust, which is our most valuable asset. For example, I led an automated fraud-detection " +
        "rollout across 12 global marketplaces that cut account takeovers by 40% (from 1.2% to 0.7% of logins) while keeping " +
        "checkout friction-free, so millions of customers kept buying with confidence and teams shipped features faster behind those guardrails.";

    [Fact]
    public async Task Healthz_Returns200()
    {
        await using var host = await TestHost.StartAsync(Db);
        var response = await host.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TeamsSession_PracticeAnswerProgress_RepliesReachTheConnector()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-1");

        var practice = await SendAsync(host, teams, teams.Message("practice"), expectedTotal: 1);
        Assert.Contains("Question 1 of 4", practice.VisibleText, StringComparison.Ordinal);
        Assert.Contains("How does security relate to customer trust at Amazon?", practice.VisibleText, StringComparison.Ordinal);
        Assert.NotNull(practice.Card);
        Assert.Equal("1.5", (string?)practice.Card!["version"]);

        var feedback = await SendAsync(host, teams, teams.Message(StrongAnswer), expectedTotal: 2);
        Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), feedback.VisibleText);
        Assert.Contains("Customer-First Security", feedback.VisibleText, StringComparison.Ordinal);
        var buttons = feedback.Card!["actions"]!.Select(a => (string?)a["data"]!["command"]).ToList();
        Assert.Contains("retry", buttons);
        Assert.Contains("next", buttons);
        Assert.Contains("stop", buttons);

        var progress = await SendAsync(host, teams, teams.Message("progress"), expectedTotal: 3);
        Assert.Contains("Attempts: 1", progress.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_OpenQuestionIsGradedAgainstTheRightQuestion_AndProgressCountsEveryAttempt()
    {
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-restart");
        await using (var first = await TestHost.StartAsync(Db))
        {
            await SendAsync(first, teams, teams.Message("practice"), 1);
            await SendAsync(first, teams, teams.Message(StrongAnswer), 2);
            var second = await SendAsync(first, teams, teams.Message("next"), 3);
            Assert.Contains("Question 2 of 4", second.VisibleText, StringComparison.Ordinal);
        }

        await using var restarted = await TestHost.StartAsync(Db);
        var feedback = await SendAsync(restarted, teams, teams.Message("When our checkout added passkeys, customers trusted us more and 2M shoppers stopped needing passwords."), 4);
        Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), feedback.VisibleText);

        var store = restarted.Services.GetRequiredService<IPracticeStore>();
        var attempts = await store.GetAttemptsAsync("msteams:29:user-1");
        Assert.Equal(["q1", "q2"], attempts.Select(a => a.QuestionId));

        var progress = await SendAsync(restarted, teams, teams.Message("progress"), 5);
        Assert.Contains("Attempts: 2", progress.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ButtonClick_SendsTheCommandInValue_HandledLikeTyping()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-button");
        var reply = await SendAsync(host, teams, teams.Message(null, new JObject { ["command"] = "help" }), 1);
        Assert.Contains("progress", reply.VisibleText, StringComparison.Ordinal);
        Assert.Contains("forget me", reply.VisibleText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewMember_GetsOneWelcomeNamingTheSet()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-welcome");
        var update = teams.Base("conversationUpdate");
        update["membersAdded"] = new JArray(new JObject { ["id"] = "29:user-1" }, new JObject { ["id"] = "28:coachbot" });
        var welcome = await SendAsync(host, teams, update, 1);
        Assert.Contains("Amazon-Specific Preparation - Customer Trust Focus", welcome.VisibleText, StringComparison.Ordinal);
        Assert.Contains("practice", welcome.VisibleText, StringComparison.Ordinal);

        var again = teams.Base("conversationUpdate");
        again["membersAdded"] = new JArray(new JObject { ["id"] = "29:user-1" });
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(again)).StatusCode);
        await Task.Delay(200);
        Assert.Single(await Connector.WaitForAsync(teams.ConversationId, 2, TimeSpan.FromMilliseconds(300)));
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task UnknownActivitiesAndReactions_AreIgnoredQuietlyWith200(string type)
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-quiet-" + type);
        var activity = teams.Base(type);
        if (type == "messageReaction")
        {
            activity["reactionsAdded"] = new JArray(new JObject { ["type"] = "like" });
        }

        var response = await host.PostActivityAsync(activity);
        Assert.True(response.IsSuccessStatusCode, $"status {response.StatusCode}");
        Assert.Empty(await Connector.WaitForAsync(teams.ConversationId, 1, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task BadAnswers_GetSpecificAnswers_AndTheQuestionStaysOpen()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-bad");
        await SendAsync(host, teams, teams.Message("practice"), 1);

        var attachmentOnly = teams.Message(null);
        attachmentOnly["attachments"] = new JArray(new JObject { ["contentType"] = "image/png", ["contentUrl"] = "https://example.invalid/x.png" });
        var empty = await SendAsync(host, teams, attachmentOnly, 2);
        Assert.Contains("type your answer", empty.VisibleText, StringComparison.Ordinal);

        var tooLong = await SendAsync(host, teams, teams.Message(new string('a', 5001)), 3);
        Assert.Contains("5,000", tooLong.VisibleText, StringComparison.Ordinal);
        Assert.Contains("still open", tooLong.VisibleText, StringComparison.Ordinal);

        var graded = await SendAsync(host, teams, teams.Message(StrongAnswer), 4);
        Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), graded.VisibleText);
    }

    [Fact]
    public async Task RedeliveredActivity_IsAnsweredOnce()
    {
        await using var host = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-dup");
        await SendAsync(host, teams, teams.Message("practice"), 1);
        var answer = teams.Message(StrongAnswer, id: "same-id");
        await SendAsync(host, teams, answer, 2);
        Assert.Equal(HttpStatusCode.OK, (await host.PostActivityAsync(answer)).StatusCode);
        Assert.Equal(2, (await Connector.WaitForAsync(teams.ConversationId, 3, TimeSpan.FromMilliseconds(400))).Count);
        Assert.Single(await host.Services.GetRequiredService<IPracticeStore>().GetAttemptsAsync("msteams:29:user-1"));
    }

    [Fact]
    public async Task WithAnAppId_RequestsWithoutAValidToken_Get401AndNoReply()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        };
        await using var host = await TestHost.StartAsync(Db, settings);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-auth");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(teams.Message("practice"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(teams.Message("practice"), "Bearer forged.token.value")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.PostActivityAsync(teams.Message("practice"), "Bearer " + UnsignedJwt("https://evil.example/"))).StatusCode);
        Assert.Empty(await Connector.WaitForAsync(teams.ConversationId, 1, TimeSpan.FromMilliseconds(300)));
    }

    private static string UnsignedJwt(string issuer)
    {
        static string B64(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{B64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}")}.{B64($"{{\"iss\":\"{issuer}\",\"aud\":\"00000000-0000-0000-0000-000000000001\",\"exp\":{exp}}}")}.c2lnbmF0dXJl";
    }
}
