using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoachBot.Infrastructure.Storage;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks, so it sorts and compares correctly in databases
/// without a date/time type (SQLite). Values read back are in UTC (offset zero): the instant is exact,
/// the original offset is not kept.
/// </summary>
internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
