using System.Globalization;

namespace Smarketing.Application.Leads.Import;

/// <summary>
/// Reads a whole number from a CSV cell as spreadsheets and CRMs export them: "250", " 1,200 ", "1200.0", "-3". What
/// it refuses (text, fractions, ranges, numbers too big for a field) it says why, naming the field and the value.
/// Whether the number is in range is the lead validator's rule, not this one's.
/// </summary>
public static class LeadCsvNumbers
{
    /// <summary>The number in <paramref name="cell"/>, or null and a message when it holds something else. An empty cell is neither.</summary>
    public static bool TryRead(string cell, string label, out int? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        if (IsRange(text))
        {
            problem = $"{label} is \"{Shorten(text)}\", a range: write one whole number, such as {RangeEnd(text)}.";
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite,
                CultureInfo.InvariantCulture, out var number) || !GroupsOfThree(text))
        {
            problem = $"{label} is \"{Shorten(text)}\", which is not a number: write a whole number, such as 250.";
            return false;
        }

        if (number != decimal.Truncate(number))
        {
            problem = $"{label} is \"{Shorten(text)}\": write a whole number, without a fraction.";
            return false;
        }

        if (number is > int.MaxValue or < int.MinValue)
        {
            problem = $"{label} is \"{Shorten(text)}\", a number far too big for it.";
            return false;
        }

        value = (int)number;
        return true;
    }

    // "1,200" is a thousand and two hundred; "1,2" or "12,00" is a decimal comma, which would read as something else.
    private static bool GroupsOfThree(string text)
    {
        var whole = text.Split('.')[0];
        var groups = whole.Split(',');
        return groups.Length == 1 || groups.Skip(1).All(g => g.Length == 3);
    }

    private static bool IsRange(string text)
    {
        var dash = text.IndexOfAny(['-', '–'], 1);
        return dash > 0 && text[..dash].Trim().All(char.IsDigit) && text[(dash + 1)..].Trim().TrimEnd('+') is { Length: > 0 } end && end.All(char.IsDigit);
    }

    private static string RangeEnd(string text) => text[(text.IndexOfAny(['-', '–'], 1) + 1)..].Trim().TrimEnd('+');

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
