using System.Net.Http.Headers;
using System.Text.Json;
using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Infrastructure.Tests.Grading;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Hosting;

/// <summary>
/// <c>Logging:Console:FormatterName=json</c> on the real process: every line of standard output is one JSON object, and
/// no line at Information or above carries the learner's answer or a configured secret, even with Debug enabled.
/// </summary>
public sealed class JsonLogsTests : LoopbackTest
{
    private const string Answer =
        "Customer trust comes first: we made passkeys the default for 20 million shoppers, and account takeovers fell " +
        "from 1.2% to 0.4% of logins while checkout stayed fast.";

    private static readonly string[] AnswerPhrases = ["passkeys the default", "20 million shoppers", "account takeovers fell"];

    [Fact]
    public async Task JsonFormatter_AnswerGradedByTheLlm_EveryLineIsJson_NothingSensitiveAtInformation()
    {
        var llmKey = "sk-obs-" + Guid.NewGuid().ToString("N");
        var adminKey = "admin-obs-" + Guid.NewGuid().ToString("N");
        var appPassword = "app-password-" + Guid.NewGuid().ToString("N");
        var markdown = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md"));
        var set = new StudyDocumentParser().Parse(markdown, "seed", new PracticeOptions().DefaultSetId).Set!;
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(set, 90, "passkeys the default for 20 million shoppers"));
        using var bot = await BotServerProcess.StartAsync(Db, new Dictionary<string, string>
        {
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Default"] = "Debug",
            ["Grading__Provider"] = "openai",
            ["Grading__OpenAI__Endpoint"] = llm.OpenAIEndpoint,
            ["Grading__OpenAI__Model"] = "gpt-4o-mini",
            ["Grading__OpenAI__ApiKey"] = llmKey,
            ["Admin__ApiKeys__0"] = adminKey,
            ["MicrosoftAppPassword"] = appPassword,
        });
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:json-logs");

        await bot.PostAsync(teams.Message("practice"));
        await bot.PostAsync(teams.Message(Answer));
        var replies = await Connector.WaitForAsync(teams.ConversationId, 2, TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/admin/admins");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        var admins = await bot.Client.SendAsync(request);
        var graded = await bot.WaitForOutputAsync(line => line.Contains("LlmAnswerGrader", StringComparison.Ordinal) && line.Contains("\"EventId\":3000", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.Contains("Your score: 90/100", replies[^1].VisibleText, StringComparison.Ordinal);
        Assert.True(admins.IsSuccessStatusCode, $"the admin API answered {(int)admins.StatusCode}");
        Assert.Equal("Information", JsonDocument.Parse(graded).RootElement.GetProperty("LogLevel").GetString());
        var lines = bot.OutputLines.Where(l => l.Length > 0).ToList();
        Assert.All(lines, line =>
        {
            using var json = JsonDocument.Parse(line); // throws on anything that is not one JSON object per line
            Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
            Assert.True(json.RootElement.TryGetProperty("Category", out _), line);
        });
        var important = lines.Where(l => JsonDocument.Parse(l).RootElement.GetProperty("LogLevel").GetString() is "Information" or "Warning" or "Error" or "Critical").ToList();
        Assert.Contains(important, l => l.Contains("CoachBot.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"LogLevel\":\"Debug\"", StringComparison.Ordinal)); // Debug was really on
        Assert.All(important, line =>
        {
            Assert.All(AnswerPhrases, phrase => Assert.DoesNotContain(phrase, line, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(llmKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(adminKey, line, StringComparison.Ordinal);
            Assert.DoesNotContain(appPassword, line, StringComparison.Ordinal);
        });
    }
}
