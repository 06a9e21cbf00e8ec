using CoachBot.Core.Messages;

namespace CoachBot.Core.Channels.Quizzes;

/// <summary><c>quiz yyyy-mm-dd HH:MM zone questions N minutes M [set id]</c>: schedules a timed quiz.</summary>
public sealed class QuizCommand(QuizService quizzes) : IChannelCommand
{
    public string Name => "quiz";

    public string Usage => "quiz yyyy-mm-dd HH:MM <time zone> questions N minutes M [set <id>]";

    public string Description => "schedule a timed quiz here";

    public string? AdminAction => "schedule a quiz";

    public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken) =>
        quizzes.ScheduleAsync(turn, arguments, cancellationToken);
}

/// <summary><c>join</c>: takes part in the upcoming or running quiz.</summary>
public sealed class JoinCommand(QuizService quizzes) : IChannelCommand
{
    public string Name => QuizMessages.JoinCommand;

    public string Usage => "join";

    public string Description => "take part in the quiz (until its last question opens)";

    public string? AdminAction => null;

    public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken) =>
        quizzes.JoinAsync(turn, cancellationToken);
}

/// <summary><c>leaderboard</c>: the latest quiz's standings.</summary>
public sealed class LeaderboardCommand(QuizService quizzes) : IChannelCommand
{
    public string Name => "leaderboard";

    public string Usage => "leaderboard";

    public string Description => "the latest quiz's standings (so far, or final)";

    public string? AdminAction => null;

    public Task<IReadOnlyList<CoachMessage>> HandleAsync(ChannelTurn turn, string arguments, CancellationToken cancellationToken) =>
        quizzes.LeaderboardAsync(turn, cancellationToken);
}
