using System.Text.RegularExpressions;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Hosting;

/// <summary>
/// The published entry point as a real OS process: answer half a session over HTTP, kill the process,
/// start a new one on the same database, and carry on where the learner left off.
/// </summary>
public sealed class ProcessRestartTests : LoopbackTest
{
    [Fact]
    public async Task KilledAndRestartedProcess_GradesTheOpenQuestion_AndCountsEveryAttempt()
    {
        var teams = new ActivityBuilder("msteams", Connector.ServiceUrl, "a:process-restart");

        // A fresh process compiles its storage queries on the first answer, which on a busy machine (more so on
        // PostgreSQL) can outlast the 400 ms typing delay. This test is about the restart: no typing indicators.
        var noTyping = new Dictionary<string, string> { ["Grading__TypingAfter"] = "00:00:08", ["Grading__ReplyDeadline"] = "00:00:10" };
        using (var first = await BotServerProcess.StartAsync(Db, noTyping))
        {
            await first.PostAsync(teams.Message("practice"));
            await first.PostAsync(teams.Message("Security protects customer trust: fraud checks cut account takeovers from 1.2% to 0.7%."));
            await first.PostAsync(teams.Message("next"));
            var asked = await Connector.WaitForAsync(teams.ConversationId, 3);
            Assert.Contains("Question 2 of 4", asked[2].VisibleText, StringComparison.Ordinal);
        } // killed, not stopped gracefully

        using var second = await BotServerProcess.StartAsync(Db, noTyping);
        await second.PostAsync(teams.Message("When we added passkeys, customers trusted checkout more and support tickets fell 30%."));
        await second.PostAsync(teams.Message("progress"));
        var all = await Connector.WaitForAsync(teams.ConversationId, 5);

        Assert.Matches(new Regex(@"Your score: \d{1,3}/100"), all[3].VisibleText);
        Assert.Contains("Attempts: 2", all[4].VisibleText, StringComparison.Ordinal);
    }
}
