using System.Diagnostics.Metrics;
using CoachBot.Core.Diagnostics;
using OpenAI.Chat;

namespace CoachBot.Infrastructure.Grading;

/// <summary>
/// What LLM calls record, per HTTP attempt (retries count): <c>coachbot.llm.calls</c> (tags <c>provider</c>:
/// <c>azure-openai</c> or <c>openai</c>; <c>outcome</c>: <c>success</c>, <c>invalid</c> for a reply that failed
/// validation, <c>failure</c> for an error, a timeout or a cancellation) and <c>coachbot.llm.tokens</c> (tags
/// <c>provider</c>, <c>kind</c>: <c>input</c> or <c>output</c>) as the service reported them, invalid replies included.
/// </summary>
internal sealed class LlmMetrics
{
    private readonly Counter<long> _calls;
    private readonly Counter<long> _tokens;

    public LlmMetrics(CoachBotMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        _calls = meter.Meter.CreateCounter<long>("coachbot.llm.calls", "{call}", "Chat-completion requests to the LLM, each attempt counted, by provider and outcome.");
        _tokens = meter.Meter.CreateCounter<long>("coachbot.llm.tokens", "{token}", "Tokens the LLM service reported, by provider and kind (input, output).");
    }

    public void Called(string provider, string outcome) =>
        _calls.Add(1, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("outcome", outcome));

    public void Used(string provider, ChatTokenUsage? usage)
    {
        if (usage is null)
        {
            return;
        }

        _tokens.Add(usage.InputTokenCount, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", "input"));
        _tokens.Add(usage.OutputTokenCount, new KeyValuePair<string, object?>("provider", provider), new KeyValuePair<string, object?>("kind", "output"));
    }
}
