using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Converts a <see cref="DateTimeOffset"/> to UTC (offset zero) before it is written or compared, because
/// PostgreSQL's <c>timestamptz</c> keeps the instant only and Npgsql refuses other offsets. Values read back are
/// in UTC: the instant is exact to the microsecond (PostgreSQL's precision), the original offset is not kept.
/// </summary>
internal sealed class UtcDateTimeOffsetConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    value => value.ToUniversalTime(),
    value => value.ToUniversalTime());
