using System.Globalization;
using System.Text.RegularExpressions;

namespace CoachBot.Core.Channels.Scheduling;

/// <summary>
/// Parses the arguments of the scheduling chat commands (untrusted input): each method returns a value or a
/// specific, user-facing message, and never throws for bad input. A leading command word
/// (<c>subscribe daily</c>, <c>skip</c>, <c>quiz</c>) is accepted and ignored.
/// </summary>
public static partial class ScheduleSpec
{
    /// <summary>How <c>subscribe daily</c> is written.</summary>
    public const string DailyUsage = "Use: subscribe daily HH:MM <time zone> [weekdays|every day|mon,wed,fri] [set <id>], e.g. subscribe daily 09:00 Europe/Berlin weekdays";

    /// <summary>How <c>skip</c> is written.</summary>
    public const string SkipUsage = "Use: skip yyyy-mm-dd, e.g. skip 2027-12-24";

    /// <summary>How <c>quiz</c> is written.</summary>
    public const string QuizUsage = "Use: quiz yyyy-mm-dd HH:MM <time zone> questions N minutes M [set <id>], e.g. quiz 2027-05-04 15:00 Europe/Berlin questions 5 minutes 3";

    /// <summary>The number of questions a quiz may have.</summary>
    public const int MaxQuizQuestions = 20;

    /// <summary>The minutes per question a quiz may give.</summary>
    public const int MaxQuizMinutes = 60;

    /// <summary>Parses <c>subscribe daily HH:MM &lt;IANA time zone&gt; [weekdays|every day|mon,tue,…] [set &lt;id&gt;]</c>.</summary>
    public static ParseResult<DailyScheduleSpec> ParseDaily(string? arguments)
    {
        var tokens = Tokens(arguments, "subscribe", "daily");
        if (tokens.Count < 2)
        {
            return ParseResult<DailyScheduleSpec>.Fail(tokens.Count == 0 ? DailyUsage : $"Say which time zone after the time. {DailyUsage}");
        }

        if (!TryParseTime(tokens[0], out var time, out var error)
            || !TryParseZone(tokens[1], out _, out var zoneId, out error)
            || !TrySplitSet(tokens, 2, out var rest, out var setId, out error)
            || !ScheduleDays.TryParse(string.Join(' ', rest), out var days, out error))
        {
            return ParseResult<DailyScheduleSpec>.Fail(error);
        }

        return ParseResult<DailyScheduleSpec>.Ok(new DailyScheduleSpec(time, zoneId, days, setId));
    }

    /// <summary>
    /// A daily schedule from separate fields (the REST API's body): <paramref name="time"/> <c>HH:MM</c>,
    /// <paramref name="timeZone"/> an IANA id, <paramref name="days"/> as in chat (<c>weekdays</c>, <c>every day</c>,
    /// <c>mon,wed,fri</c>; empty: every day), <paramref name="setId"/> optional. A failure names the field.
    /// </summary>
    public static (DailyScheduleSpec? Spec, string? Field, string? Error) DailyFromFields(string? time, string? timeZone, string? days, string? setId)
    {
        if (!TryParseTime(time?.Trim() ?? string.Empty, out var localTime, out var error))
        {
            return (null, "time", error);
        }

        if (!TryParseZone(timeZone?.Trim() ?? string.Empty, out _, out var zoneId, out error))
        {
            return (null, "timeZone", error);
        }

        if (!ScheduleDays.TryParse(days?.Trim() ?? string.Empty, out var parsedDays, out error))
        {
            return (null, "days", error);
        }

        return (new DailyScheduleSpec(localTime, zoneId, parsedDays, string.IsNullOrWhiteSpace(setId) ? null : setId.Trim()), null, null);
    }

    /// <summary>Parses <c>skip &lt;yyyy-mm-dd&gt;</c>. Any real date is accepted; one before <paramref name="today"/> comes with a notice.</summary>
    /// <param name="arguments">The text after <c>skip</c>.</param>
    /// <param name="today">Today in the schedule's time zone.</param>
    public static ParseResult<SkipDateSpec> ParseSkip(string? arguments, DateOnly today)
    {
        var tokens = Tokens(arguments, "skip");
        if (tokens.Count != 1)
        {
            return ParseResult<SkipDateSpec>.Fail(SkipUsage);
        }

        if (!TryParseDate(tokens[0], out var date, out var error))
        {
            return ParseResult<SkipDateSpec>.Fail(error);
        }

        var past = date < today;
        var notice = past ? $"{Iso(date)} is already in the past, so skipping it changes nothing." : null;
        return ParseResult<SkipDateSpec>.Ok(new SkipDateSpec(date, past, notice));
    }

    /// <summary>
    /// Parses <c>quiz &lt;yyyy-mm-dd&gt; HH:MM &lt;time zone&gt; questions N minutes M [set &lt;id&gt;]</c> (the keyword pairs in
    /// any order). A local time the clocks skip (daylight saving) is refused; one they pass twice means the first
    /// (earlier) instant; a start not after <paramref name="time"/>'s now is refused.
    /// </summary>
    public static ParseResult<QuizSpec> ParseQuiz(string? arguments, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var tokens = Tokens(arguments, "quiz");
        if (tokens.Count < 3)
        {
            return ParseResult<QuizSpec>.Fail(QuizUsage);
        }

        if (!TryParseDate(tokens[0], out var date, out var error)
            || !TryParseTime(tokens[1], out var clock, out error)
            || !TryParseZone(tokens[2], out var zone, out var zoneId, out error)
            || !TryReadQuizOptions(tokens, 3, out var questions, out var minutes, out var setId, out error))
        {
            return ParseResult<QuizSpec>.Fail(error);
        }

        var local = date.ToDateTime(clock, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return ParseResult<QuizSpec>.Fail(
                $"{Hhmm(clock)} on {Iso(date)} doesn't exist in {zoneId}: the clocks skip it for daylight saving. Pick another time.");
        }

        var start = DailyOccurrences.ToInstant(local, zone);
        if (start <= time.GetUtcNow())
        {
            return ParseResult<QuizSpec>.Fail($"{Iso(date)} {Hhmm(clock)} ({zoneId}) has already passed: pick a time in the future.");
        }

        return ParseResult<QuizSpec>.Ok(new QuizSpec(start, local, zoneId, questions, minutes, setId));
    }

    private static bool TryReadQuizOptions(List<string> tokens, int start, out int questions, out int minutes, out string? setId, out string error)
    {
        questions = 0;
        minutes = 0;
        setId = null;
        error = string.Empty;
        for (var i = start; i < tokens.Count; i += 2)
        {
            var key = tokens[i].ToLowerInvariant();
            var value = i + 1 < tokens.Count ? tokens[i + 1] : null;
            switch (key)
            {
                case "questions" when questions == 0:
                    if (!TryParseCount(value, MaxQuizQuestions, out questions))
                    {
                        error = $"questions must be a whole number from 1 to {MaxQuizQuestions}, e.g. questions 5";
                        return false;
                    }

                    break;
                case "minutes" when minutes == 0:
                    if (!TryParseCount(value, MaxQuizMinutes, out minutes))
                    {
                        error = $"minutes must be a whole number from 1 to {MaxQuizMinutes}, e.g. minutes 3";
                        return false;
                    }

                    break;
                case "set" when setId is null:
                    if (!TryParseSetId(value, out setId, out error))
                    {
                        return false;
                    }

                    break;
                default:
                    error = $"I didn't understand '{tokens[i]}'. {QuizUsage}";
                    return false;
            }
        }

        if (questions == 0 || minutes == 0)
        {
            error = $"Say how many questions and how many minutes each. {QuizUsage}";
            return false;
        }

        return true;
    }

    private static bool TryParseCount(string? text, int max, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max;

    private static bool TryParseTime(string text, out TimeOnly time, out string error)
    {
        error = string.Empty;
        time = default;
        var match = TimeShape().Match(text);
        if (match.Success)
        {
            var hour = int.Parse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var minute = int.Parse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (hour < 24 && minute < 60)
            {
                time = new TimeOnly(hour, minute);
                return true;
            }
        }

        error = $"I couldn't read the time '{Clip(text)}': use HH:MM, 24-hour, e.g. 09:00";
        return false;
    }

    private static bool TryParseDate(string text, out DateOnly date, out string error)
    {
        error = string.Empty;
        if (DateShape().IsMatch(text) && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        date = default;
        error = $"I couldn't read the date '{Clip(text)}': use yyyy-mm-dd, e.g. 2027-03-28";
        return false;
    }

    private static bool TryParseZone(string text, out TimeZoneInfo zone, out string ianaId, out string error)
    {
        error = string.Empty;
        if (ScheduleTimeZones.TryResolve(text, out zone, out ianaId))
        {
            return true;
        }

        error = ScheduleTimeZones.UnknownMessage(Clip(text));
        return false;
    }

    /// <summary>Splits off a trailing <c>set &lt;id&gt;</c>: the tokens before it are returned in <paramref name="rest"/>.</summary>
    private static bool TrySplitSet(List<string> tokens, int start, out List<string> rest, out string? setId, out string error)
    {
        rest = tokens[start..];
        setId = null;
        error = string.Empty;
        var at = rest.FindIndex(t => t.Equals("set", StringComparison.OrdinalIgnoreCase));
        if (at < 0)
        {
            return true;
        }

        if (at + 2 < rest.Count)
        {
            error = $"I didn't understand '{Clip(string.Join(' ', rest[(at + 2)..]))}' after the set id. {DailyUsage}";
            return false;
        }

        if (!TryParseSetId(at + 1 < rest.Count ? rest[at + 1] : null, out setId, out error))
        {
            return false;
        }

        rest = rest[..at];
        return true;
    }

    private static bool TryParseSetId(string? text, out string? setId, out string error)
    {
        setId = null;
        error = string.Empty;
        if (text is null)
        {
            error = "Say which question set after 'set', e.g. set backend-basics";
            return false;
        }

        if (!SetIdShape().IsMatch(text))
        {
            error = $"'{Clip(text)}' isn't a question set id: use letters, digits, '-', '_' or '.', e.g. set backend-basics";
            return false;
        }

        setId = text;
        return true;
    }

    private static List<string> Tokens(string? arguments, params string[] commandWords)
    {
        var tokens = (arguments ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var skip = 0;
        while (skip < commandWords.Length && skip < tokens.Count && tokens[skip].Equals(commandWords[skip], StringComparison.OrdinalIgnoreCase))
        {
            skip++;
        }

        // Only a complete command prefix is removed ("daily" alone could be a days word).
        return skip == commandWords.Length ? tokens[skip..] : tokens;
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hhmm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Echoed input is shortened so a pasted essay does not come back in full.</summary>
    /// <summary>User text quoted back in a message, cut at 40 characters.</summary>
    internal static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    [GeneratedRegex(@"^([0-9]{1,2}):([0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeShape();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$", RegexOptions.CultureInvariant)]
    private static partial Regex SetIdShape();
}
