using CoachBot.Core.Admin;
using CoachBot.Core.Channels;

namespace CoachBot.Admin.Api;

/// <summary>A place the bot is installed in (Teams channel, group chat, Slack channel) with its schedules.</summary>
public sealed record SubscriptionDto(string PlaceKey, string? Name, string ChannelId, PlaceKind Kind, bool Active, FeedbackMode Feedback, IReadOnlyList<ScheduleDto> Schedules)
{
    internal static SubscriptionDto From(SubscriptionView view) => new(
        view.Place.PlaceKey, view.Place.Name, view.Place.ChannelId, view.Place.Kind, view.Place.Active, view.Place.Feedback,
        [.. view.Schedules.Select(ScheduleDto.From)]);
}

/// <summary>A daily question-of-the-day schedule; <see cref="NextFireUtc"/> is <c>null</c> while it is paused.</summary>
public sealed record ScheduleDto(
    Guid Id,
    string PlaceKey,
    TimeOnly LocalTime,
    string TimeZone,
    IReadOnlyList<DayOfWeek> Days,
    string SetId,
    IReadOnlyList<DateOnly> SkipDates,
    bool Active,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextFireUtc)
{
    internal static ScheduleDto From(ScheduleView view)
    {
        var s = view.Schedule;
        return new(s.Id, s.PlaceKey, s.LocalTime, s.TimeZoneId, s.Days, s.SetId, s.SkipDates, s.Active, s.CreatedAt, view.NextFireUtc);
    }
}

/// <summary>What <c>run</c> posted.</summary>
public sealed record RunDto(string Message, SendOutcome Outcome, string? ThreadId, string? ActivityId);

/// <summary>A set chosen for a scope (<c>default</c>, <c>team</c>, <c>place</c>, <c>user</c>); the key is empty for the default.</summary>
public sealed record AssignmentDto(SetScope Scope, string Key, string SetId, string AssignedBy, DateTimeOffset AssignedAt)
{
    internal static AssignmentDto From(SetAssignment a) => new(a.Scope, a.Key, a.SetId, a.AssignedBy, a.AssignedAt);
}

/// <summary>The body of <c>PUT /api/admin/assignments</c>.</summary>
/// <param name="Scope"><c>default</c>, <c>team</c> (a Teams team id), <c>place</c> (a place key) or <c>user</c> (a learner key).</param>
/// <param name="Key">Which team, place or user; not needed for <c>default</c>.</param>
/// <param name="SetId">The set to make active.</param>
public sealed record AssignmentBody(string? Scope, string? Key, string? SetId);

/// <summary>The body of <c>PUT /api/admin/subscriptions/{placeKey}/daily</c>.</summary>
/// <param name="Time">Local time, <c>HH:MM</c>.</param>
/// <param name="TimeZone">An IANA time zone, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Days"><c>weekdays</c>, <c>every day</c> or <c>mon,wed,fri</c>; empty: every day.</param>
/// <param name="SetId">The question set; empty: the place's active set.</param>
public sealed record SubscribeBody(string? Time, string? TimeZone, string? Days, string? SetId);

/// <summary>The body of <c>POST /api/admin/subscriptions/{placeKey}/skips</c>: <c>yyyy-mm-dd</c>.</summary>
public sealed record SkipBody(string? Date);

/// <summary>How many active schedules an unsubscribe stopped (0: there was nothing to stop).</summary>
public sealed record UnsubscribedDto(int Stopped, string Message);

/// <summary>The date skipped.</summary>
public sealed record SkippedDto(DateOnly Date, string Message);
