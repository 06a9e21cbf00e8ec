using System.Text.RegularExpressions;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Cluster;

/// <summary>
/// Two instances of the real host running side by side on one database, with a load balancer that has no affinity:
/// each turn of a conversation may land on either, and the session goes on (the state is in the database).
/// </summary>
public sealed class AnyInstanceServesAnyTurnTests : LoopbackTest
{
    private const string Answer =
        "Security protects customer trust: I led a fraud-detection rollout across 12 marketplaces that cut account takeovers " +
        "from 1.2% to 0.7% of logins while checkout stayed friction-free, so millions of customers kept buying with confidence.";

    [Fact]
    public async Task QuestionOnOneInstance_AnswerOnTheOther_IsGradedAgainstThatQuestion()
    {
        await using var a = await TestHost.StartAsync(Db);
        await using var b = await TestHost.StartAsync(Db);
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:personal-two-instances");

        var question = await SendAsync(a, teams, teams.Message("practice"), expectedTotal: 1);
        var feedback = await SendAsync(b, teams, teams.Message(Answer), expectedTotal: 2);
        var progress = await SendAsync(a, teams, teams.Message("progress"), expectedTotal: 3);

        Assert.Contains("How does security relate to customer trust at Amazon?", question.VisibleText, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"\b\d{1,3}/100\b"), feedback.VisibleText);
        Assert.Contains("Customer-First Security", feedback.VisibleText, StringComparison.Ordinal); // the open question's rubric
        Assert.Contains("Attempts: 1", progress.VisibleText, StringComparison.Ordinal);
    }
}
