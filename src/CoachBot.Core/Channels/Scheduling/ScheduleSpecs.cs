namespace CoachBot.Core.Channels.Scheduling;

/// <summary>The arguments of <c>subscribe daily HH:MM &lt;time zone&gt; [days] [set &lt;id&gt;]</c>.</summary>
/// <param name="LocalTime">The local time of day.</param>
/// <param name="TimeZoneId">The IANA time zone id (a Windows id the user typed is reported as its IANA id).</param>
/// <param name="Days">The days of the week, Monday first, never empty (every day unless stated).</param>
/// <param name="SetId">The question set named with <c>set &lt;id&gt;</c>, or <c>null</c> for the place's default.</param>
public sealed record DailyScheduleSpec(TimeOnly LocalTime, string TimeZoneId, IReadOnlyList<DayOfWeek> Days, string? SetId);

/// <summary>The argument of <c>skip &lt;yyyy-mm-dd&gt;</c>.</summary>
/// <param name="Date">The local date not to post on.</param>
/// <param name="IsInPast">Whether the date is before today (accepted, but it changes nothing).</param>
/// <param name="Notice">A user-facing remark when <paramref name="IsInPast"/>, otherwise <c>null</c>.</param>
public sealed record SkipDateSpec(DateOnly Date, bool IsInPast, string? Notice);

/// <summary>The arguments of <c>quiz &lt;yyyy-mm-dd&gt; HH:MM &lt;time zone&gt; questions N minutes M [set &lt;id&gt;]</c>.</summary>
/// <param name="StartUtc">When the quiz starts (UTC).</param>
/// <param name="LocalStart">The start as the user wrote it (local to <paramref name="TimeZoneId"/>).</param>
/// <param name="TimeZoneId">The IANA time zone id.</param>
/// <param name="Questions">How many questions (1–20).</param>
/// <param name="Minutes">Minutes per question (1–60).</param>
/// <param name="SetId">The question set, or <c>null</c> for the place's default.</param>
public sealed record QuizSpec(DateTimeOffset StartUtc, DateTime LocalStart, string TimeZoneId, int Questions, int Minutes, string? SetId);
