using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Bot.Tests;

/// <summary>An LLM grader stand-in: a fixed grade (77/100) after <see cref="Delay"/> and <see cref="Hold"/>, or unavailable.</summary>
internal sealed class FakeLlmGrader : IAnswerGrader
{
    public const string GraderName = "llm-fake-p1";
    private int _calls;

    public TimeSpan Delay { get; set; }

    /// <summary>
    /// When set, a grade also waits for this task (after <see cref="Delay"/>): the test decides when the LLM "finishes",
    /// e.g. only once a turn is over, so a turn that waited for the grade would never end, however slow the machine.
    /// </summary>
    public Task? Hold { get; set; }

    public bool Fail { get; set; }

    public int Calls => _calls;

    public string Name => GraderName;

    public GraderKind Kind => GraderKind.Llm;

    /// <summary>The chat's typing delay (default 50 ms); read when the options are first used, so a test may change it before its first turn.</summary>
    public TimeSpan TypingAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The chat's reply deadline (default 300 ms); read like <see cref="TypingAfter"/>.</summary>
    public TimeSpan ReplyDeadline { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Makes this the configured LLM grader, with short chat deadlines (<see cref="TypingAfter"/>, <see cref="ReplyDeadline"/>).</summary>
    public void ReplaceGraderIn(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAnswerGrader>(this));
        services.Configure<GradingOptions>(o =>
        {
            o.Provider = GradingOptions.OpenAIProvider;
            o.TypingAfter = TypingAfter;
            o.ReplyDeadline = ReplyDeadline;
        });
    }

    /// <summary>
    /// Deadlines for a test of a fast grade: the turn's own work (the first answer in a process compiles the storage
    /// queries, slower on a busy machine or on PostgreSQL) must not count as a slow grade.
    /// </summary>
    public void UseGenerousDeadlines()
    {
        TypingAfter = TimeSpan.FromSeconds(3);
        ReplyDeadline = TimeSpan.FromSeconds(4);
    }

    public async Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _calls);
        await Task.Delay(Delay, cancellationToken);
        if (Hold is not null)
        {
            await Hold.WaitAsync(cancellationToken);
        }

        if (Fail)
        {
            throw new GradingUnavailableException("fake outage");
        }

        var models = request.Set.Models.Select(m => new ModelGrade(m.Slug, m.Name, 77, EvidenceLevels.For(77), "customer trust", null)).ToList();
        return new GradeResult(77, models, "Tie the number to a baseline.", [], GraderName);
    }
}
