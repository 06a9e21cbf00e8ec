using System.Collections.Concurrent;
using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CoachBot.Infrastructure.Tests.Grading.GradingTestData;

namespace CoachBot.Infrastructure.Tests.Grading;

/// <summary>What the grader logs: events with ids, token counts, and never the answer, the prompt or the key.</summary>
public sealed class LlmGradingLogTests
{
    private const string Secret = "sk-test-key";

    private static readonly string[] AnswerPhrases = ["passkeys", "sign-in failures fell 40%", "most valuable asset"];

    private static async Task<List<LogRecord>> GradeAndCaptureAsync(FakeReply reply)
    {
        var records = new ConcurrentQueue<LogRecord>();
        await using var llm = await FakeLlmServer.StartAsync(reply);
        await using var services = LlmGradingServices.Build(
            LlmGradingServices.OpenAI(llm),
            configure: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingProvider(records))));

        await services.GetRequiredService<GradingService>().GradeAsync(Request(StrongAnswer), "msteams:learner");
        return [.. records];
    }

    [Fact]
    public async Task GradeAsync_Success_LogsTokenUsageWithEventIdButNoAnswerText()
    {
        var records = await GradeAndCaptureAsync(LlmReplies.Grade(Set, 80, "sign-in failures fell 40%"));

        var graded = Assert.Single(records, r => r.EventId == 3000);
        Assert.Equal(LogLevel.Information, graded.Level);
        Assert.Contains("812 input and 164 output tokens", graded.Message, StringComparison.Ordinal);
        AssertNothingSensitiveAtInformation(records);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(200)]
    public async Task GradeAsync_Failure_LogsReasonButNoAnswerTextOrKey(int status)
    {
        var reply = status == 200 ? LlmReplies.Grade(Set, 80, "a quote the candidate never wrote") : LlmReplies.Error(status);

        var records = await GradeAndCaptureAsync(reply);

        Assert.Contains(records, r => r.EventId is 3001 or 3002 && r.Level == LogLevel.Warning);
        AssertNothingSensitiveAtInformation(records);
    }

    private static void AssertNothingSensitiveAtInformation(List<LogRecord> records)
    {
        Assert.All(records.Where(r => r.Level >= LogLevel.Information), r =>
        {
            Assert.DoesNotContain(Secret, r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("You grade one candidate", r.Text, StringComparison.Ordinal); // the system prompt
            Assert.All(AnswerPhrases, phrase => Assert.DoesNotContain(phrase, r.Text, StringComparison.OrdinalIgnoreCase));
        });
    }

    private sealed record LogRecord(string Category, LogLevel Level, int EventId, string Message, string? Exception)
    {
        public string Text => Message + "\n" + Exception;
    }

    private sealed class CapturingProvider(ConcurrentQueue<LogRecord> records) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, records);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<LogRecord> records) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            records.Enqueue(new LogRecord(category, logLevel, eventId.Id, formatter(state, exception), exception?.ToString()));
    }
}
