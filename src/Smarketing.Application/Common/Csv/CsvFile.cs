using System.Text;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Common.Csv;

/// <summary>How strict a read is: which column separators it accepts and how big a file may be.</summary>
/// <param name="MaxBytes">The largest file accepted, in bytes.</param>
/// <param name="MaxRows">The most data rows accepted (the header not counted).</param>
/// <param name="Separators">The separators accepted, the first preferred; a file separated by another is refused by name.</param>
public sealed record CsvReadOptions(long MaxBytes, int MaxRows, IReadOnlyList<char> Separators)
{
    /// <summary>Commas only, as an integration's file must be.</summary>
    public static CsvReadOptions Strict(long maxBytes, int maxRows) => new(maxBytes, maxRows, [',']);

    /// <summary>Commas, semicolons (spreadsheets in many European locales) or tabs, whichever the header uses.</summary>
    public static CsvReadOptions Spreadsheet(long maxBytes, int maxRows) => new(maxBytes, maxRows, [',', ';', '\t']);
}

/// <summary>
/// Reads a CSV file (RFC 4180: quoted cells, doubled quotes, line breaks inside quotes) into a header and rows, or
/// refuses it with one message a person can act on: empty, too big, not text, not UTF-8, another separator, broken
/// quotes, a header with a blank or repeated name. Every problem names the line it is on (the header is line 1).
/// A byte-order mark (UTF-8 or UTF-16, as spreadsheets write) is read and dropped. Blank lines are skipped.
/// </summary>
public static class CsvFile
{
    /// <summary>The field name failures are reported under.</summary>
    public const string Field = "file";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads at most <see cref="CsvReadOptions.MaxBytes"/> from the stream (one byte more tells it is too big).</summary>
    public static async Task<Result<CsvTable>> ReadAsync(Stream stream, CsvReadOptions options, CancellationToken ct = default)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > options.MaxBytes)
            {
                return TooBig(options);
            }
        }

        return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    public static Result<CsvTable> Read(ReadOnlySpan<byte> bytes, CsvReadOptions options)
    {
        if (bytes.Length > options.MaxBytes)
        {
            return TooBig(options);
        }

        if (Decode(bytes) is not { } text)
        {
            return Fail(NotText(bytes));
        }

        if (text.AsSpan().Trim().IsEmpty)
        {
            return Fail("The file is empty. Choose a CSV file with a header line and at least one row.");
        }

        return new Parser(text, options).Parse();
    }

    private static string? Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            if (bytes.StartsWith("\uFEFF"u8))
            {
                return StrictUtf8.GetString(bytes[3..]);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            {
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }

            if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            {
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]);
            }

            return bytes.Contains((byte)0) ? null : StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string NotText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return "This is a spreadsheet workbook (such as .xlsx), not a CSV file. Save it from your spreadsheet as \"CSV UTF-8\" and choose that file.";
        }

        var zero = bytes.IndexOf((byte)0);
        if (zero >= 0)
        {
            return $"The file is not text: line {LineOf(bytes, zero)} holds a zero byte. Choose a CSV file.";
        }

        var bad = FirstInvalidUtf8(bytes);
        return $"The file is not UTF-8 text: line {LineOf(bytes, bad)} has a byte (0x{bytes[bad]:X2}) that is not UTF-8, as files saved in an older encoding such as Windows-1252 have. Save it as \"CSV UTF-8\" and choose it again.";
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return 0;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset) => bytes[..offset].Count((byte)'\n') + 1;

    private static Result<CsvTable> TooBig(CsvReadOptions options) =>
        Fail($"The file is larger than the limit of {Size(options.MaxBytes)}. Split it into smaller files.");

    internal static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{bytes / (1024.0 * 1024.0):0.#} MB"
        : $"{bytes / 1024.0:0.#} KB";

    internal static Result<CsvTable> Fail(string message) => Result<CsvTable>.Fail(Result.Invalid(Field, message));

    internal static string SeparatorName(char separator) => separator switch
    {
        ',' => "commas",
        ';' => "semicolons",
        '\t' => "tabs",
        '|' => "vertical bars",
        _ => $"'{separator}'",
    };
}
