using System.Globalization;
using Smarketing.Domain.Agreements;

namespace Smarketing.Domain.Leads;

/// <summary>The facts of a lead that qualification looks at.</summary>
public sealed record LeadFacts(
    int? CompanySize, string? Industry, string? Country, string? Title, string? Source, string? Campaign, int EngagementScore);

public sealed record FitCheck(string Rule, bool Passed);

public sealed record ScoreLine(string Rule, int Points, bool Earned);

/// <summary>Whether a lead is an MQL under a lead definition, and why, line by line.</summary>
public sealed record QualificationVerdict(
    bool IsMql,
    bool Fits,
    int Score,
    int Threshold,
    string? Grade,
    string? Persona,
    int EngagementPoints,
    IReadOnlyList<FitCheck> FitChecks,
    IReadOnlyList<ScoreLine> ScoreLines,
    int AgreementVersion)
{
    public string Summary =>
        IsMql
            ? $"MQL: fits every rule and scores {Score} points ({Threshold} needed){(Grade is null ? "" : $", grade {Grade}")}."
            : !Fits
                ? $"Not an MQL: it fails {string.Join(" and ", FitChecks.Where(f => !f.Passed).Select(f => f.Rule))}."
                : $"Not an MQL: it scores {Score}, below the threshold of {Threshold} points.";
}

public static class Qualification
{
    public static QualificationVerdict Evaluate(LeadDefinition definition, IReadOnlyList<Persona> personas, LeadFacts lead, int agreementVersion)
    {
        var fitChecks = definition.FitRules.Select(r => new FitCheck(r.Condition.Describe(), Matches(r.Condition, lead))).ToList();
        var scoreLines = definition.ScoringRules.Select(r => new ScoreLine(r.Name, r.Points, Matches(r.Condition, lead))).ToList();
        var engagement = definition.EngagementScoreCounts ? lead.EngagementScore : 0;
        var score = scoreLines.Where(l => l.Earned).Sum(l => l.Points) + engagement;
        var fits = fitChecks.All(f => f.Passed);
        var grade = definition.Grades.OrderByDescending(g => g.MinScore).FirstOrDefault(g => score >= g.MinScore)?.Name;
        return new QualificationVerdict(
            fits && score >= definition.MqlThreshold, fits, score, definition.MqlThreshold, grade,
            MatchPersona(personas, lead), engagement, fitChecks, scoreLines, agreementVersion);
    }

    public static bool Matches(Condition condition, LeadFacts lead)
    {
        var actual = condition.Field switch
        {
            LeadField.CompanySize => lead.CompanySize?.ToString(CultureInfo.InvariantCulture),
            LeadField.EngagementScore => lead.EngagementScore.ToString(CultureInfo.InvariantCulture),
            LeadField.Industry => lead.Industry,
            LeadField.Country => lead.Country,
            LeadField.Title => lead.Title,
            LeadField.Source => lead.Source,
            LeadField.Campaign => lead.Campaign,
            _ => null,
        };
        var values = condition.Values.Select(v => v.Trim()).ToList();
        if (actual is null)
        {
            // A missing value is never "at least" anything; it is "not" everything.
            return condition.Operator is RuleOperator.NotEquals or RuleOperator.NotIn;
        }

        return condition.Operator switch
        {
            RuleOperator.Equals => values.Any(v => Same(actual, v)),
            RuleOperator.NotEquals => !values.Any(v => Same(actual, v)),
            RuleOperator.In => values.Any(v => Same(actual, v)),
            RuleOperator.NotIn => !values.Any(v => Same(actual, v)),
            RuleOperator.Contains => values.Any(v => actual.Contains(v, StringComparison.OrdinalIgnoreCase)),
            RuleOperator.AtLeast => Number(actual) is { } a && values.Count > 0 && Number(values[0]) is { } min && a >= min,
            RuleOperator.AtMost => Number(actual) is { } b && values.Count > 0 && Number(values[0]) is { } max && b <= max,
            _ => false,
        };
    }

    /// <summary>
    /// The first persona the lead resembles: title, company size and industry all within the persona's lists (empty lists match anything).
    /// A persona's job title matches whole words of the lead's title: "CTO" is in "CTO & Co-founder", not in "IT Director".
    /// </summary>
    public static string? MatchPersona(IReadOnlyList<Persona> personas, LeadFacts lead) =>
        personas.FirstOrDefault(p =>
            (p.JobTitles.Count == 0 || (lead.Title is not null && p.JobTitles.Any(t => ContainsWords(lead.Title, t))))
            && (p.CompanySizeMin is null || lead.CompanySize >= p.CompanySizeMin)
            && (p.CompanySizeMax is null || lead.CompanySize <= p.CompanySizeMax)
            && (p.Industries.Count == 0 || (lead.Industry is not null && p.Industries.Contains(lead.Industry, StringComparer.OrdinalIgnoreCase))))?.Name;

    private static bool ContainsWords(string text, string words)
    {
        words = words.Trim();
        if (words.Length == 0)
        {
            return true;
        }

        for (var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + words.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private static decimal? Number(string text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : null;
}
