using Microsoft.Extensions.Logging;

namespace CoachBot.Core.Channels;

/// <summary>Why a place was taken out of service.</summary>
public enum PlaceEndReason
{
    /// <summary>The bot was removed (uninstalled) from the place or from its team.</summary>
    Removed,

    /// <summary>A send there was refused for good (403/404, e.g. Teams' <c>MessageWritesBlocked</c>).</summary>
    Blocked,

    /// <summary>The Teams channel was deleted.</summary>
    ChannelDeleted,

    /// <summary>The Teams team was deleted.</summary>
    TeamDeleted,
}

/// <summary>
/// Takes places out of service and back: one path for every cause (the bot removed from a place or a whole Teams team, a
/// channel or team deleted, a send refused). Out of service means inactive with its schedules paused in the store and
/// their timers gone, so nothing is posted there again. Back in service (a re-install, a restored team) reactivates
/// places but not their schedules: an admin subscribes again.
/// </summary>
public sealed partial class PlaceLifecycle(IStudyChannelStore store, IStudyScheduler scheduler, ILogger<PlaceLifecycle> logger)
{
    /// <summary>Marks the place inactive (its schedules paused) and removes its schedules' timers. An unknown key is a no-op.</summary>
    public async Task DeactivateAsync(string placeKey, PlaceEndReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(placeKey);
        await store.SetPlaceActiveAsync(placeKey, false, cancellationToken);
        foreach (var schedule in await store.GetSchedulesAsync(placeKey, cancellationToken))
        {
            await scheduler.UnscheduleDailyAsync(schedule.Id, cancellationToken);
        }

        LogDeactivated(logger, reason == PlaceEndReason.Blocked ? LogLevel.Warning : LogLevel.Information, placeKey, reason);
    }

    /// <summary>Deactivates every place of the Teams team (all its channels); returns their keys.</summary>
    public async Task<IReadOnlyList<string>> DeactivateTeamAsync(string teamId, PlaceEndReason reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        var keys = (await store.GetTeamPlacesAsync(teamId, cancellationToken)).Select(p => p.PlaceKey).ToList();
        foreach (var key in keys)
        {
            await DeactivateAsync(key, reason, cancellationToken);
        }

        LogTeamDeactivated(logger, teamId, keys.Count, reason);
        return keys;
    }

    /// <summary>
    /// The bot was removed from <paramref name="place"/> (as seen in the removal's activity). From a Teams team (the
    /// removal arrives on its General channel) every place of the team goes; a group chat or Slack channel is one place.
    /// </summary>
    public async Task RemovedAsync(StudyPlace place, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(place);
        IReadOnlyList<string> done = place.Kind == PlaceKind.TeamsChannel && place.TeamId is { Length: > 0 } teamId
            ? await DeactivateTeamAsync(teamId, PlaceEndReason.Removed, cancellationToken)
            : [];
        if (!done.Contains(place.PlaceKey))
        {
            // The conversation the removal arrived on, also when it was stored without its team (or is a chat or Slack channel).
            await DeactivateAsync(place.PlaceKey, PlaceEndReason.Removed, cancellationToken);
        }
    }

    /// <summary>A Teams channel was deleted (or restored, <paramref name="active"/>): that channel's place follows.</summary>
    public async Task ChannelChangedAsync(string teamId, string teamsChannelId, bool active, CancellationToken cancellationToken = default)
    {
        foreach (var place in await ChannelPlacesAsync(teamId, teamsChannelId, cancellationToken))
        {
            if (active)
            {
                await ActivateAsync(place, cancellationToken);
            }
            else
            {
                await DeactivateAsync(place.PlaceKey, PlaceEndReason.ChannelDeleted, cancellationToken);
            }
        }
    }

    /// <summary>
    /// The bot was installed in (or re-added to) a Teams team, or the team was restored: the team's inactive places are
    /// active again; their schedules stay paused.
    /// </summary>
    public async Task ReactivateTeamAsync(string teamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        foreach (var place in await store.GetTeamPlacesAsync(teamId, cancellationToken))
        {
            await ActivateAsync(place, cancellationToken);
        }
    }

    /// <summary>A Teams channel was renamed: its stored place takes the new display name. A channel not stored is ignored.</summary>
    public async Task ChannelRenamedAsync(string teamId, string teamsChannelId, string name, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        foreach (var place in await ChannelPlacesAsync(teamId, teamsChannelId, cancellationToken))
        {
            await store.UpsertPlaceAsync(place with { Name = name, UpdatedAt = now }, reactivate: false, cancellationToken);
            LogRenamed(logger, place.PlaceKey);
        }
    }

    private async Task ActivateAsync(StudyPlace place, CancellationToken ct)
    {
        if (!place.Active)
        {
            await store.SetPlaceActiveAsync(place.PlaceKey, true, ct);
            LogReactivated(logger, place.PlaceKey);
        }
    }

    // A channel's place: its own conversation is the channel (TeamsChannelId), also when that field was never given.
    private async Task<IEnumerable<StudyPlace>> ChannelPlacesAsync(string teamId, string teamsChannelId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        ArgumentException.ThrowIfNullOrEmpty(teamsChannelId);
        return (await store.GetTeamPlacesAsync(teamId, ct)).Where(p => p.TeamsChannelId == teamsChannelId || p.ConversationId == teamsChannelId);
    }

    [LoggerMessage(EventId = 4110, Message = "Place {PlaceKey} out of service ({Reason}): marked inactive, schedules paused")]
    private static partial void LogDeactivated(ILogger logger, LogLevel level, string placeKey, PlaceEndReason reason);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Team {TeamId} out of service ({Reason}): {Places} places marked inactive")]
    private static partial void LogTeamDeactivated(ILogger logger, string teamId, int places, PlaceEndReason reason);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Place {PlaceKey} active again; its schedules stay paused")]
    private static partial void LogReactivated(ILogger logger, string placeKey);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Information, Message = "Place {PlaceKey} renamed")]
    private static partial void LogRenamed(ILogger logger, string placeKey);
}
