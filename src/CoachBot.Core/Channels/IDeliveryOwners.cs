namespace CoachBot.Core.Channels;

/// <summary>
/// Who is sending: the id this instance records on the deliveries it owns, and whether the owner of another
/// delivery is gone (so the delivery may be taken over). One instance alone: every other owner is a previous run of
/// the process (<see cref="SingleProcessDeliveryOwners"/>); a cluster asks its membership (the infrastructure layer).
/// </summary>
public interface IDeliveryOwners
{
    /// <summary>This instance's owner id; the same for the life of the process.</summary>
    ValueTask<string> GetCurrentAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Whether <paramref name="owner"/> can no longer finish what it started: not this instance, and not alive. A
    /// <c>null</c> owner (a row from before owners were kept) is gone.
    /// </summary>
    ValueTask<bool> IsGoneAsync(string? owner, CancellationToken cancellationToken = default);
}

/// <summary>
/// The owners of a single instance: an id new at every start; every other owner is a run of the process that has
/// ended (or, with <c>Scheduling:Enabled=false</c> on a second instance, one whose pending posts may be taken over:
/// the ledger's compare-and-set still lets exactly one of the two send).
/// </summary>
public sealed class SingleProcessDeliveryOwners : IDeliveryOwners
{
    private readonly string _current = $"{Environment.MachineName[..Math.Min(40, Environment.MachineName.Length)]}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <inheritdoc />
    public ValueTask<string> GetCurrentAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(_current);

    /// <inheritdoc />
    public ValueTask<bool> IsGoneAsync(string? owner, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(!string.Equals(owner, _current, StringComparison.Ordinal));
}
