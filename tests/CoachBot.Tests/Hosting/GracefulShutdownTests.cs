using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Hosting;
using CoachBot.Infrastructure.Tests.Grading;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CoachBot.Tests.Hosting;

/// <summary>Stopping the real host: the configured timeout, and a turn in flight that still gets its answer.</summary>
public sealed class GracefulShutdownTests : LoopbackTest
{
    private const string Answer =
        "Customer trust comes first: we made passkeys the default for 20 million shoppers, and account takeovers fell " +
        "from 1.2% to 0.4% of logins while checkout stayed fast.";

    [Fact]
    public async Task ShutdownTimeout_FromHostingSection()
    {
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?> { ["Hosting:ShutdownTimeout"] = "00:00:07" });

        Assert.Equal(TimeSpan.FromSeconds(7), host.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(25), new HostingOptions().ShutdownTimeout);
    }

    [Fact]
    public async Task InvalidObservabilitySettings_HostRefusesToStart_NamingTheKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestHost.StartAsync(Db, new Dictionary<string, string?>
        {
            ["Observability:OtlpEndpoint"] = "ftp://collector:4317",
        }));

        Assert.Contains("Observability:OtlpEndpoint", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stop_TurnInFlight_TheRequestFinishesAndTheLearnerGetsTheFeedback()
    {
        var markdown = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md"));
        var set = new StudyDocumentParser().Parse(markdown, "seed", new PracticeOptions().DefaultSetId).Set!;
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(set, 90, "passkeys the default for 20 million shoppers") with
        {
            Delay = TimeSpan.FromSeconds(1),
        });
        await using var host = await TestHost.StartAsync(Db, new Dictionary<string, string?>
        {
            ["Grading:Provider"] = "openai",
            ["Grading:OpenAI:Endpoint"] = llm.OpenAIEndpoint,
            ["Grading:OpenAI:Model"] = "gpt-4o-mini",
            ["Grading:TypingAfter"] = "00:00:10",
            ["Grading:ReplyDeadline"] = "00:00:10", // the turn itself waits for the grade
        });
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:shutdown-in-flight");
        await SendAsync(host, teams, teams.Message("practice"), 1);

        var turn = host.PostActivityAsync(teams.Message(Answer));
        while (llm.Requests.Count == 0)
        {
            await Task.Delay(20);
        }

        await host.StopAsync(); // SIGTERM while the grade is on its way
        var response = await turn;

        Assert.True(response.IsSuccessStatusCode, $"the turn in flight answered {(int)response.StatusCode}");
        var replies = await Connector.WaitForAsync(teams.ConversationId, 2);
        Assert.Contains("Your score: 90/100", replies[1].VisibleText, StringComparison.Ordinal);
    }
}
