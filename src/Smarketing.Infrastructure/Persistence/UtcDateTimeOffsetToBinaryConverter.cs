using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Smarketing.Infrastructure.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as EF Core's binary long of the same instant in UTC, so comparing and ordering
/// the column in SQL compares instants. EF's own <see cref="DateTimeOffsetToBinaryConverter"/> packs the local clock
/// ticks with the offset, which orders by wall-clock time: 12:00-05:00 (17:00 UTC) would sort before 16:00+00:00.
/// Values read back are in UTC; rows written before with another offset still read back as the same instant.
/// </summary>
internal sealed class UtcDateTimeOffsetToBinaryConverter() : ValueConverter<DateTimeOffset, long>(v => ToBinary(v), v => FromBinary(v))
{
    private static readonly DateTimeOffsetToBinaryConverter _binary = new();

    private static long ToBinary(DateTimeOffset value) => (long)_binary.ConvertToProvider(value.ToUniversalTime())!;

    private static DateTimeOffset FromBinary(long value) => (DateTimeOffset)_binary.ConvertFromProvider(value)!;
}
