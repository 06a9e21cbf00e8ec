using CoachBot.Core.Messages;

namespace CoachBot.Core.Practice.Commands;

// One small class per command. Each delegates to PracticeService, which owns the flow.

/// <summary><c>practice</c> / <c>start</c>: ask a question.</summary>
public sealed class PracticeCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["practice", "start"];

    public string? Description => "Get a question to answer (same as start).";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.PracticeAsync(turn, cancellationToken)];
}

/// <summary><c>next</c>: the next question.</summary>
public sealed class NextCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["next"];

    public string? Description => "Skip to the next question.";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.NextAsync(turn, cancellationToken)];
}

/// <summary><c>retry</c>: the same question again.</summary>
public sealed class RetryCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["retry"];

    public string? Description => "Answer the same question again and see how much you improved.";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.RetryAsync(turn, cancellationToken)];
}

/// <summary><c>example</c>: the strong example answer (after an attempt).</summary>
public sealed class ExampleCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["example"];

    public string? Description => "See a strong example answer (after your first attempt).";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.ExampleAsync(turn, cancellationToken)];
}

/// <summary><c>stop</c>: end the session with a summary.</summary>
public sealed class StopCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["stop"];

    public string? Description => "End the session with a short summary.";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.StopAsync(turn, cancellationToken)];
}

/// <summary><c>progress</c>: the learner's statistics.</summary>
public sealed class ProgressCommand(PracticeService practice) : IChatCommand
{
    public IReadOnlyList<string> Triggers => ["progress"];

    public string? Description => "Your attempts, scores and weakest area.";

    public async Task<IReadOnlyList<CoachMessage>> HandleAsync(ChatTurn turn, string arguments, CancellationToken cancellationToken) =>
        [await practice.ProgressAsync(turn, cancellationToken)];
}
