using System.Text.RegularExpressions;

namespace CoachBot.Core.Channels.Scheduling;

/// <summary>Resolves time zone ids typed in chat (untrusted) to a <see cref="TimeZoneInfo"/> and its IANA id.</summary>
public static partial class ScheduleTimeZones
{
    /// <summary>
    /// Finds the zone for <paramref name="id"/>. IANA ids are expected; a Windows id that .NET resolves is accepted
    /// and reported as its IANA id, so what is stored works on every platform (and in Quartz).
    /// </summary>
    /// <param name="id">The id as typed.</param>
    /// <param name="zone">The zone, when found.</param>
    /// <param name="ianaId">The IANA id to store and show, when found.</param>
    /// <returns>Whether the id named a zone.</returns>
    public static bool TryResolve(string? id, out TimeZoneInfo zone, out string ianaId)
    {
        zone = TimeZoneInfo.Utc;
        ianaId = string.Empty;

        // Only characters zone ids use: keeps paths ("../") and oddities away from the system lookup.
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64 || !IdShape().IsMatch(id) || id.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found))
        {
            return false;
        }

        if (TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var converted))
        {
            ianaId = converted;
        }
        else if (found.HasIanaId)
        {
            ianaId = found.Id;
        }
        else if (TimeZoneInfo.TryConvertWindowsIdToIanaId(found.Id, out var fromFound))
        {
            ianaId = fromFound;
        }
        else
        {
            return false;
        }

        // Prefer the zone under its IANA id so the stored id and the zone used agree.
        zone = TimeZoneInfo.TryFindSystemTimeZoneById(ianaId, out var byIana) ? byIana : found;
        return true;
    }

    /// <summary>The user-facing message for an id that named no zone.</summary>
    public static string UnknownMessage(string id) => $"Unknown time zone '{id}': use an IANA id such as Europe/Berlin";

    [GeneratedRegex(@"^[A-Za-z0-9_+\-/. ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdShape();
}
