using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// A DateTimeOffset as its UTC ticks in SQLite, so that comparing and ordering the column compares instants; values are
/// read back in UTC. EF's DateTimeOffsetToBinaryConverter packs the local wall-clock ticks with the offset, so two
/// instants written with different offsets (a due time in New York's offset, a contact in UTC) compare by their wall
/// clocks, hours apart, and every SQL comparison of timers, windows and "now" came out wrong by the offset.
/// </summary>
internal sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(value => value.UtcTicks, ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
