using CoachBot.Core.Importing;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using CoachBot.Infrastructure.Tests.Grading;
using CoachBot.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CoachBot.Tests.Grading;

/// <summary>
/// The real host with <c>Grading:Provider=openai</c> pointed at a loopback OpenAI server, driven over
/// /api/messages with a loopback Bot Connector: the whole path a Teams answer takes.
/// </summary>
public sealed class LlmGradingOverHttpTests : LoopbackTest
{
    private const string Answer =
        "Customer trust comes first: we made passkeys the default for 20 million shoppers, and account takeovers fell " +
        "from 1.2% to 0.4% of logins while checkout stayed fast.";

    [Fact]
    public async Task Answer_SlowLlm_TurnAnsweredAtOnceAndFeedbackArrivesProactively()
    {
        var set = BundledSet();
        var llmFinishes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Grade(set, 90, "passkeys the default for 20 million shoppers") with
        {
            Hold = llmFinishes.Task,
        });
        await using var host = await StartHostAsync(llm);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-llm");

        await host.PostActivityAsync(teams.Message("practice"));
        await Connector.WaitForAsync(teams.ConversationId, 1);

        // The LLM does not answer until the turn is over: a turn that waited for it would never end (the
        // attempt timeout is a minute, so no quick-grader fallback can end it either) and WaitAsync throws.
        var response = await host.PostActivityAsync(teams.Message(Answer)).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(response.IsSuccessStatusCode);
        llmFinishes.SetResult();

        var activities = await Connector.WaitForAsync(teams.ConversationId, 4, TimeSpan.FromSeconds(15));
        Assert.Equal("typing", (string?)activities[1].Body["type"]);
        Assert.Contains("your feedback will follow here shortly", activities[2].VisibleText, StringComparison.Ordinal);
        var feedback = activities[3];
        Assert.Contains("Your score: 90/100", feedback.VisibleText, StringComparison.Ordinal);
        Assert.Contains("passkeys the default for 20 million shoppers", feedback.VisibleText, StringComparison.Ordinal);
        Assert.DoesNotContain("quick grader", feedback.VisibleText, StringComparison.Ordinal);
        Assert.Single(llm.Requests);
    }

    [Fact]
    public async Task Answer_LlmFailing_RubricFeedbackSaysTheQuickGraderAnswered()
    {
        await using var llm = await FakeLlmServer.StartAsync(LlmReplies.Error(500));
        await using var host = await StartHostAsync(llm);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-llm-down");

        await host.PostActivityAsync(teams.Message("practice"));
        await Connector.WaitForAsync(teams.ConversationId, 1);
        await host.PostActivityAsync(teams.Message(Answer));

        // With a 0.5 s deadline the quick-grader feedback may come after a "feedback follows" message: wait for the score.
        var feedback = await WaitForScoreAsync(teams.ConversationId);
        Assert.Contains(PracticeMessages.QuickGraderNote, feedback.VisibleText, StringComparison.Ordinal);
        Assert.Equal(2, llm.Requests.Count); // first attempt + one retry, as configured
    }

    private async Task<RecordedActivity> WaitForScoreAsync(string conversationId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            var scored = Connector.Activities.FirstOrDefault(a => a.ConversationId == conversationId && a.VisibleText.Contains("/100", StringComparison.Ordinal));
            if (scored is not null || DateTime.UtcNow > deadline)
            {
                return scored ?? throw new TimeoutException("No feedback with a score reached the connector.");
            }

            await Task.Delay(20);
        }
    }

    private Task<TestHost> StartHostAsync(FakeLlmServer llm) => TestHost.StartAsync(Db, new Dictionary<string, string?>
    {
        ["Grading:Provider"] = "openai",
        ["Grading:OpenAI:Endpoint"] = llm.OpenAIEndpoint,
        ["Grading:OpenAI:Model"] = "gpt-4o-mini",
        ["Grading:TypingAfter"] = "00:00:00.100",
        ["Grading:ReplyDeadline"] = "00:00:00.500",
        ["Grading:Resilience:MaxRetryAttempts"] = "1",
        ["Grading:Resilience:RetryBaseDelay"] = "00:00:00.050",
        ["Grading:Resilience:AttemptTimeout"] = "00:01:00",
        ["Grading:Resilience:TotalTimeout"] = "00:02:00",
    });

    private static QuestionSet BundledSet()
    {
        var markdown = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "content", "amazon-security-customer-trust.md"));
        return new StudyDocumentParser().Parse(markdown, "seed", new PracticeOptions().DefaultSetId).Set!;
    }
}
