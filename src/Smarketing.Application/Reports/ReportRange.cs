using System.Globalization;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;

namespace Smarketing.Application.Reports;

/// <summary>A report's period as a person or a program sends it: two local dates, YYYY-MM-DD, both included.</summary>
public readonly record struct ReportRange(DateOnly From, DateOnly To)
{
    public static Result<ReportRange> Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var start = ParseDate("from", from, errors);
        var end = ParseDate("to", to, errors);
        if (errors.Count == 0 && ReportService.RefuseRange(start, end) is { } refused)
        {
            return Result<ReportRange>.Fail(refused);
        }

        return errors.Count > 0 ? Result<ReportRange>.Fail(Result.Invalid(errors)) : new ReportRange(start, end);
    }

    public static Result<GroupBy> ParseGroupBy(string? groupBy) =>
        string.IsNullOrWhiteSpace(groupBy) ? GroupBy.Rep
        : groupBy.Trim().ToLowerInvariant() switch
        {
            "rep" => GroupBy.Rep,
            "team" => GroupBy.Team,
            "week" => GroupBy.Week,
            _ => Result<GroupBy>.Fail(Result.Invalid("groupBy", $"groupBy must be rep, team or week, not '{groupBy}'.")),
        };

    /// <summary>One answer with every field's message, so a caller fixes all of them at once.</summary>
    public static Result Merge(params Result[] results)
    {
        var errors = results.Where(r => r.Kind == ResultKind.Invalid).SelectMany(r => r.Errors).ToDictionary(e => e.Key, e => e.Value);
        return errors.Count > 0 ? Result.Invalid(errors) : results.FirstOrDefault(r => !r.Succeeded) ?? Result.Success();
    }

    public int Days => To.DayNumber - From.DayNumber + 1;

    private static DateOnly ParseDate(string field, string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"'{field}' is required, as a date like 2026-11-01."];
            return default;
        }

        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [$"'{field}' must be a date like 2026-11-01, not '{text}'."];
            return default;
        }

        if (date < AgreementLimits.EarliestDate || date > AgreementLimits.LatestDate)
        {
            errors[field] = [$"'{field}' must be between {AgreementLimits.EarliestDate:yyyy-MM-dd} and {AgreementLimits.LatestDate:yyyy-MM-dd}."];
            return default;
        }

        return date;
    }
}
