using CoachBot.Core.Grading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CoachBot.Bot.Tests;

/// <summary>An LLM grader stand-in: a fixed grade (77/100) after <see cref="Delay"/>, or unavailable.</summary>
internal sealed class FakeLlmGrader : IAnswerGrader
{
    public const string GraderName = "llm-fake-p1";
    private int _calls;

    public TimeSpan Delay { get; set; }

    public bool Fail { get; set; }

    public int Calls => _calls;

    public string Name => GraderName;

    public GraderKind Kind => GraderKind.Llm;

    /// <summary>Makes this the configured LLM grader, with short chat deadlines: typing after 50 ms, replies by 300 ms.</summary>
    public void ReplaceGraderIn(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IAnswerGrader>(this));
        services.Configure<GradingOptions>(o =>
        {
            o.Provider = GradingOptions.OpenAIProvider;
            o.TypingAfter = TimeSpan.FromMilliseconds(50);
            o.ReplyDeadline = TimeSpan.FromMilliseconds(300);
        });
    }

    public async Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _calls);
        await Task.Delay(Delay, cancellationToken);
        if (Fail)
        {
            throw new GradingUnavailableException("fake outage");
        }

        var models = request.Set.Models.Select(m => new ModelGrade(m.Slug, m.Name, 77, EvidenceLevels.For(77), "customer trust", null)).ToList();
        return new GradeResult(77, models, "Tie the number to a baseline.", [], GraderName);
    }
}
