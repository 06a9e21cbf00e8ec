using BenchmarkDotNet.Attributes;
using CoachBot.Core.Grading;

namespace CoachBot.Benchmarks;

/// <summary>
/// <see cref="RubricGrader.Grade"/> on a short, a typical and a long answer to the bundled document's practice scenario.
/// Target for the 300-word answer: at most 200 µs and 64 KB allocated per grade on one core.
/// </summary>
[MemoryDiagnoser]
public class RubricGraderBenchmarks
{
    private readonly RubricGrader grader = new();
    private GradingRequest request = null!;

    /// <summary>Answer length in whitespace-separated words.</summary>
    [Params(40, 300, 1000)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var set = StudyDocument.Load();
        var question = StudyDocument.Scenario(set);
        request = new GradingRequest(set, question, BenchmarkAnswers.Build(question.StrongAnswer!, Words));
    }

    [Benchmark]
    public GradeResult Grade() => grader.Grade(request);
}
