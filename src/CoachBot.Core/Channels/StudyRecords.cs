using CoachBot.Core.Grading;

namespace CoachBot.Core.Channels;

/// <summary>A channel's question of the day: when (local time, IANA zone, days) and which set.</summary>
/// <param name="Id">Schedule id.</param>
/// <param name="PlaceKey">The place it posts to.</param>
/// <param name="LocalTime">The local time of day, e.g. 09:00.</param>
/// <param name="TimeZoneId">IANA time zone id, e.g. <c>Europe/Berlin</c>.</param>
/// <param name="Days">The days of the week it posts on (never empty).</param>
/// <param name="SetId">The question set it rotates through.</param>
/// <param name="SkipDates">Local dates it does not post on (holidays).</param>
/// <param name="Active">False while paused (place inactive) or after <c>unsubscribe</c>.</param>
/// <param name="CreatedBy">The admin who subscribed the channel (user key).</param>
/// <param name="CreatedAt">When.</param>
public sealed record DailySchedule(
    Guid Id,
    string PlaceKey,
    TimeOnly LocalTime,
    string TimeZoneId,
    IReadOnlyList<DayOfWeek> Days,
    string SetId,
    IReadOnlyList<DateOnly> SkipDates,
    bool Active,
    string CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>One posted question of the day (one occurrence of a schedule in one place).</summary>
/// <param name="Id">Prompt id.</param>
/// <param name="ScheduleId">The schedule (or <see cref="Guid.Empty"/> for <c>run now</c> without a schedule).</param>
/// <param name="PlaceKey">The place.</param>
/// <param name="OccurrenceUtc">The scheduled time of the occurrence (unique per schedule).</param>
/// <param name="SetId">The set.</param>
/// <param name="SetVersion">The set version the question came from.</param>
/// <param name="QuestionId">The question asked.</param>
/// <param name="ThreadId">The conversation id replies arrive on, once posted.</param>
/// <param name="RecapDueUtc">When the answer window closes and the recap is posted.</param>
/// <param name="RecapSentAt">When the recap went out, or <c>null</c>.</param>
/// <param name="PostId">
/// The platform's id of the posted question (<see cref="SendResult.ActivityId"/>), once posted: on Slack the message's
/// <c>ts</c>, which replies in its thread carry as <c>thread_ts</c>.
/// </param>
public sealed record DailyPrompt(
    Guid Id,
    Guid ScheduleId,
    string PlaceKey,
    DateTimeOffset OccurrenceUtc,
    string SetId,
    int SetVersion,
    string QuestionId,
    string? ThreadId,
    DateTimeOffset RecapDueUtc,
    DateTimeOffset? RecapSentAt,
    string? PostId = null);

/// <summary>A member's graded answer to a question of the day (a reply in its thread).</summary>
public sealed record ChannelAnswer(
    Guid Id,
    Guid PromptId,
    string PlaceKey,
    string UserKey,
    string? UserName,
    string? MessageId,
    string Answer,
    GradeResult Grade,
    DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt);

/// <summary>What happened to one outbound post.</summary>
public enum DeliveryState
{
    /// <summary>Recorded before sending; not yet confirmed sent.</summary>
    Pending,

    /// <summary>Sent.</summary>
    Sent,

    /// <summary>Given up (blocked, or retries exhausted).</summary>
    Failed,

    /// <summary>Not sent on purpose (missed beyond the grace period, holiday, place inactive).</summary>
    Skipped,
}

/// <summary>
/// One outbound post, recorded before it is sent so each occurrence reaches each place exactly once.
/// </summary>
/// <param name="Key">Unique: <c>{kind}:{scheduleOrQuizId}:{occurrence}:{placeKey}</c>.</param>
/// <param name="Kind"><c>daily</c>, <c>recap</c>, <c>quiz-announce</c>, <c>quiz-question</c>, <c>quiz-results</c>.</param>
/// <param name="PlaceKey">The place.</param>
/// <param name="DueUtc">When it was due.</param>
/// <param name="State">Its state.</param>
/// <param name="Attempts">Send attempts so far.</param>
/// <param name="LastError">The last failure's short reason.</param>
/// <param name="ThreadId">The thread it created, once sent.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record Delivery(
    string Key,
    string Kind,
    string PlaceKey,
    DateTimeOffset DueUtc,
    DeliveryState State,
    int Attempts,
    string? LastError,
    string? ThreadId,
    DateTimeOffset UpdatedAt);
