using CoachBot.Core.Channels;
using Microsoft.EntityFrameworkCore;

namespace CoachBot.Infrastructure.Storage;

/// <summary>Deliveries of <see cref="EfStudyChannelStore"/>.</summary>
public sealed partial class EfStudyChannelStore
{
    /// <inheritdoc />
    /// <remarks>
    /// The primary key decides, so concurrent callers with one key get exactly one <c>true</c>. A key already there is
    /// looked for first: re-runs and other instances meet recorded deliveries often, and a failed insert is logged as an error.
    /// </remarks>
    public async Task<bool> TryRecordDeliveryAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await DeliveryExistsAsync(delivery.Key, cancellationToken))
        {
            return false;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Deliveries.Add(StudyChannelRows.ToRow(delivery));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another writer recorded this key first; any other failure is rethrown.
            if (await DeliveryExistsAsync(delivery.Key, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <inheritdoc />
    /// <remarks>Updates state, attempts, last error, thread and <see cref="Delivery.UpdatedAt"/> (not kind, place or
    /// due time). Throws <see cref="InvalidOperationException"/> when the delivery was never recorded.</remarks>
    public async Task UpdateDeliveryAsync(Delivery delivery, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var updated = await db.Deliveries.Where(d => d.Key == delivery.Key).ExecuteUpdateAsync(
            s => s.SetProperty(d => d.State, delivery.State)
                .SetProperty(d => d.Attempts, delivery.Attempts)
                .SetProperty(d => d.LastError, delivery.LastError)
                .SetProperty(d => d.ThreadId, delivery.ThreadId)
                .SetProperty(d => d.UpdatedAt, delivery.UpdatedAt),
            cancellationToken);
        if (updated == 0)
        {
            throw new InvalidOperationException($"Delivery '{delivery.Key}' was never recorded.");
        }
    }

    /// <inheritdoc />
    /// <remarks>One conditional <c>UPDATE … WHERE Key AND State AND Owner</c>: the database decides between racers.</remarks>
    public async Task<bool> TryReplaceDeliveryAsync(Delivery current, Delivery next, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (current.Key != next.Key)
        {
            throw new ArgumentException("A delivery is replaced by one with the same key.", nameof(next));
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owner = current.Owner;
        var matching = owner is null
            ? db.Deliveries.Where(d => d.Key == current.Key && d.State == current.State && d.Owner == null)
            : db.Deliveries.Where(d => d.Key == current.Key && d.State == current.State && d.Owner == owner);
        var updated = await matching.ExecuteUpdateAsync(
            s => s.SetProperty(d => d.State, next.State)
                .SetProperty(d => d.Owner, next.Owner)
                .SetProperty(d => d.Attempts, next.Attempts)
                .SetProperty(d => d.LastError, next.LastError)
                .SetProperty(d => d.ThreadId, next.ThreadId)
                .SetProperty(d => d.UpdatedAt, next.UpdatedAt),
            cancellationToken);
        return updated == 1;
    }

    /// <inheritdoc />
    public async Task<Delivery?> GetDeliveryAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, cancellationToken);
        return row is null ? null : StudyChannelRows.ToRecord(row);
    }

    /// <inheritdoc />
    /// <remarks>Oldest due first.</remarks>
    public async Task<IReadOnlyList<Delivery>> GetPendingDeliveriesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.State == DeliveryState.Pending || d.State == DeliveryState.Sending)
            .OrderBy(d => d.DueUtc).ThenBy(d => d.Key)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(StudyChannelRows.ToRecord)];
    }

    private async Task<bool> DeliveryExistsAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Deliveries.AnyAsync(d => d.Key == key, cancellationToken);
    }
}
