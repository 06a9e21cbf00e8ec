using System.Globalization;
using System.Text.Json;
using CoachBot.Core.Grading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// Grades with a language model (OpenAI or Azure OpenAI): the rubric and question in the system prompt, the answer as
/// delimited untrusted data, a strict JSON-schema response, validated (<see cref="LlmGradeParser"/>) and mapped with a
/// computed overall and the rubric grader's gaming checks (<see cref="LlmGradeMapper"/>). Every call runs through the
/// <see cref="LlmResiliencePipeline.Name"/> pipeline. Any failure surfaces as <see cref="GradingUnavailableException"/>
/// with a short reason (never answer text), so <see cref="GradingService"/> falls back to the rubric grader; the
/// caller's own cancellation surfaces as <see cref="OperationCanceledException"/>. Each attempt counts in
/// <see cref="LlmMetrics"/>.
/// </summary>
internal sealed class LlmAnswerGrader : IAnswerGrader
{
    private readonly LlmChatClient chat;
    private readonly ResiliencePipeline pipeline;
    private readonly RubricGrader rubric;
    private readonly LlmOptions llm;
    private readonly GradingResilienceOptions resilience;
    private readonly TimeProvider time;
    private readonly LlmMetrics metrics;
    private readonly ILogger<LlmAnswerGrader> logger;

    public LlmAnswerGrader(
        LlmChatClient chat,
        ResiliencePipelineProvider<string> pipelines,
        RubricGrader rubric,
        IOptions<LlmOptions> llm,
        IOptions<GradingResilienceOptions> resilience,
        LlmMetrics metrics,
        TimeProvider time,
        ILogger<LlmAnswerGrader> logger)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(pipelines);
        this.chat = chat;
        this.metrics = metrics;
        pipeline = pipelines.GetPipeline(LlmResiliencePipeline.Name);
        this.rubric = rubric;
        this.llm = llm.Value;
        this.resilience = resilience.Value;
        this.time = time;
        this.logger = logger;
        Name = NameFor(chat.Model);
        LlmGradingLog.Configured(logger, chat.Provider, chat.Model, chat.Authentication.ToString(), Name);
    }

    /// <summary><c>llm-{model or deployment}-{prompt version}</c>, e.g. <c>llm-gpt-4o-mini-p1</c>.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public GraderKind Kind => GraderKind.Llm;

    /// <summary>The grader name for <paramref name="model"/>: lower case, anything but a-z, 0-9, '.' and '-' becomes '-'.</summary>
    public static string NameFor(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var slug = new string(model.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());
        return $"llm-{slug}-{GradingPrompt.Version}";
    }

    /// <inheritdoc />
    public async Task<GradeResult> GradeAsync(GradingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var messages = new List<ChatMessage>
        {
            new SystemChatMessage(GradingPrompt.System(request.Set, request.Question)),
            new UserChatMessage(GradingPrompt.User(request.Answer)),
        };
        var started = time.GetTimestamp();
        try
        {
            var (output, usage) = await pipeline.ExecuteAsync(
                static (state, ct) => state.Grader.CallAsync(state.Request, state.Messages, ct),
                (Grader: this, Request: request, Messages: messages),
                cancellationToken);
            return Complete(request, output, usage, started);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not GradingUnavailableException)
        {
            var reason = Reason(ex);
            if (ex is InvalidGradeOutputException)
            {
                LlmGradingLog.OutputRejected(logger, request.Question.Id, Name, reason);
            }
            else
            {
                LlmGradingLog.Unavailable(logger, Name, request.Question.Id, reason);
            }

            LlmGradingLog.FailureDetail(logger, ex);
            throw new GradingUnavailableException(reason, ex);
        }
    }

    private async ValueTask<(LlmGradeOutput Output, ChatTokenUsage? Usage)> CallAsync(GradingRequest request, List<ChatMessage> messages, CancellationToken cancellationToken)
    {
        // A fresh options object per attempt: the client writes the model and messages into it.
        var options = new ChatCompletionOptions
        {
            Temperature = (float)llm.Temperature,
            MaxOutputTokenCount = llm.MaxOutputTokens,
            ResponseFormat = GradeSchema.ResponseFormat(request.Set),
        };

        try
        {
            ChatCompletion completion;
            try
            {
                completion = await chat.Client.CompleteChatAsync(messages, options, cancellationToken);
            }
            catch (JsonException ex)
            {
                throw new InvalidGradeOutputException("invalid output: the response is not a chat completion", ex);
            }

            metrics.Used(chat.Provider, completion.Usage);
            var output = LlmGradeParser.Parse(ContentOf(completion), request);
            metrics.Called(chat.Provider, "success");
            return (output, completion.Usage);
        }
        catch (Exception ex)
        {
            metrics.Called(chat.Provider, ex is InvalidGradeOutputException ? "invalid" : "failure");
            throw;
        }
    }

    private static string ContentOf(ChatCompletion completion)
    {
        if (completion.FinishReason == ChatFinishReason.Length)
        {
            throw new InvalidGradeOutputException("invalid output: cut off at Grading:Llm:MaxOutputTokens");
        }

        if (completion.FinishReason == ChatFinishReason.ContentFilter)
        {
            throw new InvalidGradeOutputException("invalid output: stopped by the content filter");
        }

        if (!string.IsNullOrEmpty(completion.Refusal))
        {
            throw new InvalidGradeOutputException("invalid output: the model refused");
        }

        return string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
    }

    private GradeResult Complete(GradingRequest request, LlmGradeOutput output, ChatTokenUsage? usage, long started)
    {
        var (grade, added) = LlmGradeMapper.Map(output, request, rubric.Grade(request), Name);
        if (added.Count > 0)
        {
            LlmGradingLog.DefenceFlagged(logger, string.Join(",", added), request.Question.Id, grade.Overall);
        }

        if (output.ModelOverall != grade.Overall)
        {
            LlmGradingLog.OverallDiffers(logger, output.ModelOverall, grade.Overall, request.Question.Id);
        }

        LlmGradingLog.Graded(
            logger,
            request.Question.Id,
            Name,
            grade.Overall,
            usage?.InputTokenCount ?? 0,
            usage?.OutputTokenCount ?? 0,
            (long)time.GetElapsedTime(started).TotalMilliseconds);
        return grade;
    }

    private string Reason(Exception exception) => exception switch
    {
        BrokenCircuitException => "circuit open (recent LLM calls failed)",
        TimeoutRejectedException e when e.Timeout == resilience.TotalTimeout => string.Create(CultureInfo.InvariantCulture, $"total timeout of {e.Timeout.TotalSeconds:0.###} s exceeded"),
        TimeoutRejectedException e => string.Create(CultureInfo.InvariantCulture, $"timed out: the last attempt exceeded {e.Timeout.TotalSeconds:0.###} s (retries exhausted)"),
        InvalidGradeOutputException e => e.Message,
        _ when LlmFailures.IsTransient(exception) => $"{LlmFailures.Describe(exception)} (retries exhausted)",
        _ => LlmFailures.Describe(exception),
    };
}
