using CoachBot.Core.Channels;
using Microsoft.Bot.Schema;

namespace CoachBot.Bot.Handlers;

/// <summary>
/// Keeps the stored places in step with the activities that show them, add the bot to them, remove it, or rename or
/// delete a Teams channel or team. What follows from each is decided in Core (<see cref="PlaceLifecycle"/>).
/// </summary>
/// <remarks>
/// Teams sends channel and team events as a <c>conversationUpdate</c> on the team's General channel, with
/// <c>channelData.eventType</c>, <c>channelData.team.id</c> and, for a channel event, <c>channelData.channel</c> (the
/// channel concerned: its id and new name).
/// </remarks>
public sealed class PlaceTracker(IStudyChannelStore places, PlaceLifecycle lifecycle, TimeProvider time)
{
    /// <summary>Stores (or refreshes) the place of <paramref name="activity"/> and returns it as stored.</summary>
    public async Task<StudyPlace> CaptureAsync(IActivity activity, bool reactivate, CancellationToken cancellationToken)
    {
        var seen = PlaceNormalizer.ToPlace(activity, time.GetUtcNow());
        await places.UpsertPlaceAsync(seen, reactivate, cancellationToken);
        return await places.GetPlaceAsync(seen.PlaceKey, cancellationToken) ?? seen;
    }

    /// <summary>The bot was added to the place: it is active again, and in a Teams team so is every place of the team.</summary>
    public async Task InstalledAsync(IActivity activity, CancellationToken cancellationToken)
    {
        var place = await CaptureAsync(activity, reactivate: true, cancellationToken);
        if (place.Kind == PlaceKind.TeamsChannel && place.TeamId is { Length: > 0 } teamId)
        {
            await lifecycle.ReactivateTeamAsync(teamId, cancellationToken);
        }
    }

    /// <summary>The bot was removed (uninstalled) from the activity's place: from a Teams team, every place of the team.</summary>
    public Task RemovedAsync(IActivity activity, CancellationToken cancellationToken) =>
        lifecycle.RemovedAsync(PlaceNormalizer.ToPlace(activity, time.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Handles a <c>conversationUpdate</c> that removes the bot from a shared place or is a Teams channel or team event
    /// CoachBot follows; <c>false</c> for anything else (members added, <c>teamRenamed</c>: no team name is stored).
    /// </summary>
    public async Task<bool> TryHandleConversationUpdateAsync(IConversationUpdateActivity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var recipientId = activity.Recipient?.Id;
        if (activity.MembersRemoved?.Any(m => m.Id == recipientId) == true && TurnNormalizer.IsGroupConversation(activity))
        {
            await RemovedAsync(activity, cancellationToken);
            return true;
        }

        switch (PlaceNormalizer.ToTeamsEvent(activity))
        {
            case { EventType: "channelDeleted", ChannelId: { } channel } e:
                await lifecycle.ChannelChangedAsync(e.TeamId, channel, active: false, cancellationToken);
                return true;
            case { EventType: "channelRestored", ChannelId: { } channel } e:
                await lifecycle.ChannelChangedAsync(e.TeamId, channel, active: true, cancellationToken);
                return true;
            case { EventType: "channelRenamed", ChannelId: { } channel, ChannelName: { Length: > 0 } name } e:
                await lifecycle.ChannelRenamedAsync(e.TeamId, channel, name, time.GetUtcNow(), cancellationToken);
                return true;
            case { EventType: "teamDeleted" or "teamHardDeleted" } e:
                await lifecycle.DeactivateTeamAsync(e.TeamId, PlaceEndReason.TeamDeleted, cancellationToken);
                return true;
            case { EventType: "teamRestored" } e:
                await lifecycle.ReactivateTeamAsync(e.TeamId, cancellationToken);
                return true;
            default:
                return false;
        }
    }
}
