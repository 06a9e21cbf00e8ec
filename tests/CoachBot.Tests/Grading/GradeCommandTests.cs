using System.Text.Json;
using CoachBot.Grading;
using CoachBot.Tests.Fakes;

namespace CoachBot.Tests.Grading;

/// <summary>
/// The <c>grade</c> command. The real-process tests run <c>dotnet CoachBot.dll grade</c> on a temporary
/// database, as a user or a script would; the in-process ones cover what needs no process of its own.
/// </summary>
public sealed class GradeCommandTests : IDisposable
{
    private const string Answer =
        "Security protects customer trust: when we added automated fraud checks across 12 global marketplaces, account " +
        "takeovers fell from 1.2% to 0.7% of logins while checkout stayed seamless, so teams could launch new features faster.";

    private readonly ThrowawayDatabase _db = ThrowawayDatabase.Create();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coachbot-tests", Guid.NewGuid().ToString("N"));

    public GradeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Line(object? id, string question, string answer = Answer) =>
        JsonSerializer.Serialize(new { id, question, answer });

    private static List<JsonElement> JsonLines(ProcessResult result)
    {
        Assert.False(result.StandardOutputBytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), "standard output starts with a byte-order mark");
        Assert.EndsWith("\n", result.StandardOutput, StringComparison.Ordinal);
        return result.StandardOutput.TrimEnd('\n').Split('\n').Select(line =>
        {
            var element = JsonDocument.Parse(line).RootElement; // throws on anything that is not one JSON value per line
            Assert.Equal(JsonValueKind.Object, element.ValueKind);
            return element;
        }).ToList();
    }

    private static string Feedback(JsonElement result) => result.GetProperty("feedback").GetString()!;

    [Fact]
    public async Task RealProcess_MixedInputFile_WritesOneResultPerLineInOrder_ExitsOne()
    {
        var input = Path.Combine(_folder, "answers.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            Line("by-id", "Q1"),
            Line(2, "how does security relate to customer trust at amazon"),
            string.Empty,
            Line("near", "How do you balance security and customer convenience?"),
            Line("unknown", "Tell me about a time you disagreed with your manager"),
            """{"id": "no-answer", "question": "q1"}""",
            """{"id": "broken", "question": """,
            Line("last", "q2"),
        ]);

        var result = await CoachBotProcess.RunAsync(_db, ["grade", "--input", input]);

        Assert.True(result.ExitCode == 1, result.ToString());
        var lines = JsonLines(result);
        Assert.Equal(["\"by-id\"", "2", "\"near\"", "\"unknown\"", "\"no-answer\"", "null", "\"last\""], lines.Select(l => l.GetProperty("id").GetRawText()));
        Assert.Contains("\nQuestion q1 (matched by id).\n", Feedback(lines[0]), StringComparison.Ordinal);
        Assert.Contains("\nQuestion q1 (matched by text).\n", Feedback(lines[1]), StringComparison.Ordinal);
        Assert.Contains("\nQuestion q3, the closest match (similarity 0.", Feedback(lines[2]), StringComparison.Ordinal);
        Assert.Contains("unknown_question", lines[3].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("missing \"answer\"", lines[4].GetProperty("error").GetString());
        Assert.StartsWith("invalid JSON", lines[5].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("\nQuestion q2 (matched by id).\n", Feedback(lines[6]), StringComparison.Ordinal);
        foreach (var graded in lines.Where(l => l.TryGetProperty("score", out _)))
        {
            Assert.InRange(graded.GetProperty("score").GetInt32(), 1, 100);
            Assert.Equal("rubric", graded.GetProperty("grader").GetString());
            Assert.Equal(["customer-first-security", "scale-thinking", "innovation-enablement", "quantified-impact"],
                graded.GetProperty("models").EnumerateObject().Select(m => m.Name));
        }

        Assert.Contains("grade: 2 of 7 lines could not be graded", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_AllValidLinesOnStandardInput_WritesOnlyJsonLines_ExitsZero()
    {
        var stdin = $"{Line("a", "q1")}\n{Line("b", "Give an example of security improving customer experience")}\n";

        var result = await CoachBotProcess.RunAsync(_db, ["grade"], stdin);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = JsonLines(result);
        Assert.Equal(["a", "b"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.All(lines, l => Assert.Equal(["id", "score", "models", "flags", "grader", "feedback"], l.EnumerateObject().Select(p => p.Name)));
        Assert.DoesNotContain("info:", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealProcess_GraderLlmWithoutAnLlmConfigured_ExitsTwo_ExplainsOnStandardError()
    {
        var result = await CoachBotProcess.RunAsync(_db, ["grade", "--grader", "llm"], Line("a", "q1") + "\n");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.StandardOutputBytes);
        Assert.Contains("grade: --grader llm needs an LLM grader, but none is configured", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Help_PrintsUsageOnStandardOutput_ExitsZero()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await GradeCommand.RunAsync(["--help"], new StringReader(string.Empty), stdout, stderr);

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: CoachBot grade [--set <id>] [--grader rubric|llm] [--input <file>]", stdout.ToString(), StringComparison.Ordinal);
        Assert.Empty(stderr.ToString());
    }

    [Theory]
    [InlineData("--verbose", "grade: unknown option '--verbose'")]
    [InlineData("--input", "grade: --input needs a value")]
    [InlineData("--input /no/such/answers.jsonl", "grade: input file not found: /no/such/answers.jsonl")]
    public async Task RunAsync_UsageError_ExitsTwo_WithTheReasonOnStandardErrorOnly(string args, string expected)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await GradeCommand.RunAsync(args.Split(' '), new StringReader(string.Empty), stdout, stderr);

        Assert.Equal(2, exit);
        Assert.StartsWith(expected, stderr.ToString(), StringComparison.Ordinal);
        Assert.Empty(stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_UnknownSet_ExitsTwo_NamingTheSet()
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());

        var exit = await GradeCommand.RunAsync(
            ["--set", "no-such-set", .. _db.CommandLine], new StringReader(Line(1, "q1")), stdout, stderr);

        Assert.Equal(2, exit);
        Assert.Equal("grade: unknown question set 'no-such-set'", stderr.ToString().Trim());
        Assert.Empty(stdout.ToString());
    }
}
