using System.Text;
using System.Text.Json;
using CoachBot.Core.Diagnostics;
using CoachBot.Core.Grading;
using CoachBot.Core.Grading.Batch;
using CoachBot.Core.Practice;
using CoachBot.Core.QuestionSets;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachBot.Core.Tests.Grading.Batch;

public sealed class BatchGraderTests
{
    private const string Answer =
        "Security protects customer trust. When we rolled out passkeys, account takeovers fell from 1.2% to 0.4% of logins "
        + "and checkout stayed seamless for millions of customers.";

    private static readonly QuestionSet Set = AmazonSet.Build();

    private static BatchGrader CreateSut(IAnswerGrader? primary = null) =>
        new(new GradingService(primary ?? new RubricGrader(), new RubricGrader(), new InMemoryGradeCache(), new GradingMetrics(new CoachBotMeter()), NullLogger<GradingService>.Instance),
            NullLogger<BatchGrader>.Instance);

    private static string Line(object? id, string question, string answer = Answer) =>
        JsonSerializer.Serialize(new { id, question, answer });

    private static async Task<(List<string> Lines, BatchSummary Summary)> RunAsync(
        string input, GraderKind grader = GraderKind.Rubric, IAnswerGrader? primary = null, int maxAnswerLength = 5_000)
    {
        var output = new StringWriter { NewLine = "\n" };
        var summary = await CreateSut(primary).RunAsync(new StringReader(input), output, new BatchGradeSettings(Set, grader, maxAnswerLength));
        return (output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList(), summary);
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement;

    private static List<string> Flags(JsonElement result) => result.GetProperty("flags").EnumerateArray().Select(f => f.GetString()!).ToList();

    [Fact]
    public async Task RunAsync_ValidLines_WritesOneObjectPerLineInInputOrderWithStablePropertyOrder()
    {
        var input = string.Join('\n', Line("a", "q1"), Line(2, "q2"), Line(null, "q3"));

        var (lines, summary) = await RunAsync(input);

        Assert.Equal(3, lines.Count);
        Assert.Equal(new BatchSummary(3, 0, 0), summary);
        Assert.Equal(["\"a\"", "2", "null"], lines.Select(l => Parse(l).GetProperty("id").GetRawText()));
        Assert.All(lines, l => Assert.Equal(
            ["id", "score", "models", "flags", "grader", "feedback"],
            Parse(l).EnumerateObject().Select(p => p.Name)));
    }

    [Theory]
    [InlineData("{\"id\":\"x-1\",", "{\"id\":\"x-1\",")]
    [InlineData("{\"id\":42,", "{\"id\":42,")]
    [InlineData("{\"id\":1.50,", "{\"id\":1.50,")]
    [InlineData("{\"id\":null,", "{\"id\":null,")]
    [InlineData("{", "{\"id\":null,")]
    public async Task RunAsync_Id_IsEchoedAsGiven(string start, string expectedStart)
    {
        var (lines, _) = await RunAsync(start + "\"question\":\"q1\",\"answer\":\"Customers trust us.\"}");

        Assert.StartsWith(expectedStart, Assert.Single(lines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", null, "invalid JSON at byte")]
    [InlineData("{\"id\":1,\"question\":\"q1\",\"answer\":\"x\"} trailing", null, "invalid JSON at byte")]
    [InlineData("{\"id\":1,\"id\":2,\"question\":\"q1\",\"answer\":\"x\"}", null, "\"id\" is given more than once")]
    [InlineData("{\"id\":1,\"question\":\"q1\",\"answer\":\"x\",\"answer\":\"y\"}", "1", "\"answer\" is given more than once")]
    [InlineData("[1,2]", null, "expected a JSON object with \"question\" and \"answer\", got an array")]
    [InlineData("\"q1\"", null, "expected a JSON object with \"question\" and \"answer\", got a string")]
    [InlineData("{\"id\":true,\"question\":\"q1\",\"answer\":\"x\"}", null, "\"id\" must be a string, a number or null, not a boolean")]
    [InlineData("{\"id\":7,\"answer\":\"x\"}", "7", "missing \"question\"")]
    [InlineData("{\"id\":7,\"question\":\"q1\"}", "7", "missing \"answer\"")]
    [InlineData("{\"id\":\"e\",\"question\":\" \",\"answer\":\"x\"}", "\"e\"", "\"question\" is empty")]
    [InlineData("{\"id\":\"e\",\"question\":\"q1\",\"answer\":\"\"}", "\"e\"", "\"answer\" is empty")]
    [InlineData("{\"id\":\"e\",\"question\":7,\"answer\":\"x\"}", "\"e\"", "\"question\" must be a string, not a number")]
    [InlineData("{\"id\":\"e\",\"question\":\"q1\",\"answer\":[\"x\"]}", "\"e\"", "\"answer\" must be a string, not an array")]
    [InlineData("{\"id\":\"e\",\"question\":\"q1\",\"answer\":null}", "\"e\"", "\"answer\" must be a string, not null")]
    public async Task RunAsync_MalformedLine_WritesItsSpecificErrorAndGoesOn(string bad, string? expectedId, string expectedError)
    {
        var (lines, summary) = await RunAsync($"{bad}\n{Line("next", "q1")}\n");

        Assert.Equal(2, lines.Count);
        var error = Parse(lines[0]);
        Assert.Equal(["id", "error"], error.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expectedId ?? "null", error.GetProperty("id").GetRawText());
        Assert.StartsWith(expectedError, error.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("next", Parse(lines[1]).GetProperty("id").GetString());
        Assert.Equal(new BatchSummary(1, 1, 0), summary);
    }

    [Fact]
    public async Task RunAsync_AnswerOverTheLimit_IsAnErrorNamingLengthAndLimit_AnswerAtTheLimitIsGraded()
    {
        var input = string.Join('\n', Line("long", "q1", new string('a', 201)), Line("fits", "q1", new string('a', 200)));

        var (lines, _) = await RunAsync(input, maxAnswerLength: 200);

        Assert.Equal("\"answer\" is 201 characters; the limit is 200", Parse(lines[0]).GetProperty("error").GetString());
        Assert.True(Parse(lines[1]).TryGetProperty("score", out _));
    }

    [Fact]
    public async Task RunAsync_BlankLinesAndByteOrderMark_AreSkippedWithoutOutput()
    {
        var (lines, summary) = await RunAsync($"\uFEFF\n   \n{Line("a", "q1")}\r\n\t\n");

        Assert.Equal("a", Parse(Assert.Single(lines)).GetProperty("id").GetString());
        Assert.Equal(new BatchSummary(1, 0, 3), summary);
    }

    [Fact]
    public async Task RunAsync_RubricGrader_ScoresEveryModelInSetOrder_WithPlainTextFeedback()
    {
        var (lines, _) = await RunAsync(Line("a", "Q1"));

        var result = Parse(Assert.Single(lines));
        Assert.Equal("rubric", result.GetProperty("grader").GetString());
        Assert.Equal(Set.Models.Select(m => m.Slug), result.GetProperty("models").EnumerateObject().Select(p => p.Name));
        Assert.All(result.GetProperty("models").EnumerateObject(), m => Assert.InRange(m.Value.GetInt32(), 0, 100));
        var score = result.GetProperty("score").GetInt32();
        var feedback = result.GetProperty("feedback").GetString()!;
        Assert.StartsWith($"Score: {score}/100\nQuestion q1 (matched by id).\n- Customer-First Security: Strong (", feedback, StringComparison.Ordinal);
        Assert.Contains("\n- Innovation Enablement: Missing (0): ", feedback, StringComparison.Ordinal);
        Assert.Contains("\nTip: ", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', feedback);
        Assert.DoesNotContain("**", feedback, StringComparison.Ordinal);
        Assert.DoesNotContain('<', feedback);
    }

    [Fact]
    public async Task RunAsync_NonAsciiText_IsWrittenAsTextNotEscapes()
    {
        var (lines, _) = await RunAsync($"{{\"id\":\"caf\u00E9\",\"question\":\"q1\",\"answer\":\"{Answer}\"}}");

        Assert.StartsWith("{\"id\":\"caf\u00E9\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\u201C", lines[0], StringComparison.Ordinal); // the quoted evidence
        Assert.DoesNotContain("\\u", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ClosestQuestion_FeedbackNamesTheMatchedQuestion()
    {
        var (lines, _) = await RunAsync(Line(1, "How does security relate to customer trust?"));

        var feedback = Parse(lines[0]).GetProperty("feedback").GetString()!;
        Assert.Contains("Question q1, the closest match (similarity 0.89): \u201CHow does security relate to customer trust at Amazon?\u201D", feedback, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownQuestion_GradesEveryModel_FlagsUnknownQuestion()
    {
        var (lines, _) = await RunAsync(Line(1, "Tell me about a time you disagreed with your manager"));

        var result = Parse(lines[0]);
        Assert.Contains(BatchFlags.UnknownQuestion, Flags(result));
        Assert.Equal(Set.Models.Count, result.GetProperty("models").EnumerateObject().Count());
        Assert.Contains("Not a question of this set: graded against all its mental models", result.GetProperty("feedback").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_LlmGrader_GraderIsLlm_AndARepeatedAnswerComesFromTheCache()
    {
        var llm = new FakeLlmGrader();

        var (lines, _) = await RunAsync(string.Join('\n', Line(1, "q1"), Line(2, "Q1")), GraderKind.Llm, llm);

        Assert.Equal(1, llm.Calls);
        Assert.All(lines, l => Assert.Equal("llm", Parse(l).GetProperty("grader").GetString()));
        Assert.All(lines, l => Assert.Equal(72, Parse(l).GetProperty("score").GetInt32()));
    }

    [Fact]
    public async Task RunAsync_LlmUnavailable_RubricAnswers_GraderRubricWithFallbackFlagAndNote()
    {
        var (lines, summary) = await RunAsync(Line(1, "q1"), GraderKind.Llm, new FakeLlmGrader(available: false));

        var result = Parse(lines[0]);
        Assert.Equal("rubric", result.GetProperty("grader").GetString());
        Assert.Contains(BatchFlags.Fallback, Flags(result));
        Assert.EndsWith(PracticeMessages.QuickGraderNote, result.GetProperty("feedback").GetString(), StringComparison.Ordinal);
        Assert.True(summary.AllGraded);
    }

    [Fact]
    public async Task RunAsync_RubricAskedForWithAnLlmConfigured_NeverCallsTheLlm()
    {
        var llm = new FakeLlmGrader();

        var (lines, _) = await RunAsync(Line(1, "q1"), GraderKind.Rubric, llm);

        Assert.Equal(0, llm.Calls);
        Assert.Equal("rubric", Parse(lines[0]).GetProperty("grader").GetString());
        Assert.DoesNotContain(BatchFlags.Fallback, Flags(Parse(lines[0])));
    }

    [Fact]
    public async Task RunAsync_LlmAskedForWithoutAnLlmConfigured_Throws()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Line(1, "q1"), GraderKind.Llm));
    }

    [Fact]
    public async Task RunAsync_EachResult_IsFlushedBeforeTheNextLineIsRead()
    {
        var stream = new MemoryStream();
        var output = new StreamWriter(stream, new UTF8Encoding(false), bufferSize: 64 * 1024) { NewLine = "\n" };
        var flushedWhenAskedForLine = new List<int>();
        var input = new ObservingReader([Line(1, "q1"), Line(2, "q2")], () => flushedWhenAskedForLine.Add(Encoding.UTF8.GetString(stream.ToArray()).Count(c => c == '\n')));

        await CreateSut().RunAsync(input, output, new BatchGradeSettings(Set, GraderKind.Rubric, 5_000));

        Assert.Equal([0, 1, 2], flushedWhenAskedForLine);
    }

    /// <summary>Hands out lines one by one and reports each request first, like a pipe whose writer waits for our answer.</summary>
    private sealed class ObservingReader(IEnumerable<string> lines, Action beforeEachRead) : TextReader
    {
        private readonly Queue<string> _lines = new(lines);

        public override string? ReadLine()
        {
            beforeEachRead();
            return _lines.TryDequeue(out var line) ? line : null;
        }

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => ValueTask.FromResult(ReadLine());
    }
}
