using CoachBot.Core.Grading;

namespace CoachBot.Core.Tests.Grading.Batch;

/// <summary>An LLM grader stand-in: a fixed grade per request, or unavailable; counts its calls.</summary>
internal sealed class FakeLlmGrader(bool available = true) : IAnswerGrader
{
    public int Calls { get; private set; }

    public string Name => "fake-llm-v1";

    public GraderKind Kind => GraderKind.Llm;

    public Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
    {
        Calls++;
        if (!available)
        {
            throw new GradingUnavailableException("timed out");
        }

        var models = request.Set.Models.Select(m => new ModelGrade(m.Slug, m.Name, 70, EvidenceLevel.Solid, "the answer", null)).ToList();
        return Task.FromResult(new GradeResult(72, models, "Add one number.", [], Name));
    }
}

/// <summary>The grade cache in memory.</summary>
internal sealed class InMemoryGradeCache : IGradeCache
{
    private readonly Dictionary<string, GradeResult> _grades = [];

    public Task<GradeResult?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(_grades.GetValueOrDefault(key));

    public Task SetAsync(string key, GradeResult grade, string? ownerKey, CancellationToken cancellationToken = default)
    {
        _grades.TryAdd(key, grade);
        return Task.CompletedTask;
    }
}
