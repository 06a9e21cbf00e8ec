namespace CoachBot.Core.Practice;

/// <summary>
/// Something outside the practice store that holds data about a learner (conversation references,
/// chat state). "forget me" calls every registered eraser after the practice store.
/// </summary>
public interface ILearnerDataEraser
{
    /// <summary>Deletes what this eraser holds about the learner; returns the number of records deleted.</summary>
    Task<int> EraseAsync(ChatTurn turn, CancellationToken cancellationToken = default);
}
