using System.Diagnostics;
using System.Text.RegularExpressions;
using CoachBot.Hosting;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Terminal;

/// <summary>The terminal chat: the same bot, storage and grader, driven by piped input.</summary>
public sealed class TerminalChatTests : IDisposable
{
    private const string Answer =
        "Security protects customer trust: when we added automated fraud checks across 12 global marketplaces, account " +
        "takeovers fell from 1.2% to 0.7% of logins while checkout stayed seamless, so teams could launch new features faster.";

    private readonly ThrowawayDatabase _db = ThrowawayDatabase.Create();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task PipedInput_PracticeAnswerProgress_PrintsQuestionScoreAndProgress_ThenExitsOnEof()
    {
        var app = CoachBotApp.Build([.. _db.CommandLine], RunMode.Chat);
        await app.InitializeCoachBotAsync();
        var output = new StringWriter();

        var exit = await app.RunTerminalChatAsync(new StringReader($"practice\n{Answer}\nprogress\n"), output);
        await app.DisposeAsync();

        var text = output.ToString();
        Assert.Equal(0, exit);
        Assert.Contains("Hi, I'm CoachBot", text, StringComparison.Ordinal);
        Assert.Contains("Question 1 of 4", text, StringComparison.Ordinal);
        Assert.Contains("How does security relate to customer trust at Amazon?", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"(?m)^Your score: \d{1,3}/100$"), text);
        Assert.Contains("- Attempts: 1", text, StringComparison.Ordinal);
        Assert.EndsWith("Bye. Your progress is saved." + Environment.NewLine, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_ChatCommand_WorksFromPipedInput_AndStopThenQuitExits()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "CoachBot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "chat"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        _db.ApplyTo(start.Environment);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync($"practice\n{Answer}\nstop\nquit\nthis line is never read\n");
        process.StandardInput.Close();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var text = await stdout;

        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await stderr}");
        Assert.Contains("Question 1 of 4", text, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"(?m)^Your score: \d{1,3}/100$"), text);
        Assert.Contains("Session ended: 1 answer, average", text, StringComparison.Ordinal);
        Assert.DoesNotContain("never read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("info:", text, StringComparison.Ordinal); // logs stay off the conversation
    }
}
