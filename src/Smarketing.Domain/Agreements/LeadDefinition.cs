namespace Smarketing.Domain.Agreements;

/// <summary>The lead fields a fit or scoring rule can test.</summary>
public enum LeadField
{
    CompanySize,
    Industry,
    Country,
    Title,
    Source,
    Campaign,
    EngagementScore,
}

public enum RuleOperator
{
    Equals,
    NotEquals,
    In,
    NotIn,
    AtLeast,
    AtMost,
    Contains,
}

/// <summary>A test on one lead field: "company size at least 50", "country in [US, CA]".</summary>
public sealed class Condition
{
    [System.Text.Json.Serialization.JsonRequired] public LeadField Field { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public RuleOperator Operator { get; set; }

    /// <summary>One value for most operators; several for In and NotIn.</summary>
    [System.Text.Json.Serialization.JsonRequired] public List<string> Values { get; set; } = [];

    public static bool IsNumeric(LeadField field) => field is LeadField.CompanySize or LeadField.EngagementScore;

    public string Describe()
    {
        var field = Field switch
        {
            LeadField.CompanySize => "company size",
            LeadField.EngagementScore => "engagement score",
            _ => Field.ToString().ToLowerInvariant(),
        };
        var values = string.Join(", ", Values);
        return Operator switch
        {
            RuleOperator.Equals => $"{field} is {values}",
            RuleOperator.NotEquals => $"{field} is not {values}",
            RuleOperator.In => $"{field} is one of [{values}]",
            RuleOperator.NotIn => $"{field} is none of [{values}]",
            RuleOperator.AtLeast => $"{field} at least {values}",
            RuleOperator.AtMost => $"{field} at most {values}",
            RuleOperator.Contains => $"{field} contains \"{values}\"",
            _ => $"{field} {Operator} {values}",
        };
    }
}

/// <summary>A condition a lead must meet to fit the ideal customer profile.</summary>
public sealed class FitRule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [System.Text.Json.Serialization.JsonRequired] public Condition Condition { get; set; } = new();
}

/// <summary>Points a lead earns when it meets a condition.</summary>
public sealed class ScoringRule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [System.Text.Json.Serialization.JsonRequired] public string Name { get; set; } = "";
    [System.Text.Json.Serialization.JsonRequired] public Condition Condition { get; set; } = new();
    [System.Text.Json.Serialization.JsonRequired] public int Points { get; set; }
}

/// <summary>A grade (A, B, C) for leads scoring at least <see cref="MinScore"/>; response rules can target grades.</summary>
public sealed class Grade
{
    [System.Text.Json.Serialization.JsonRequired] public string Name { get; set; } = "";
    [System.Text.Json.Serialization.JsonRequired] public int MinScore { get; set; }
}

/// <summary>What makes a lead an MQL: it meets every fit rule and its score reaches the threshold.</summary>
public sealed class LeadDefinition
{
    [System.Text.Json.Serialization.JsonRequired] public List<FitRule> FitRules { get; set; } = [];
    [System.Text.Json.Serialization.JsonRequired] public List<ScoringRule> ScoringRules { get; set; } = [];

    /// <summary>When true, the lead's engagement score (from marketing automation) adds to its points.</summary>
    [System.Text.Json.Serialization.JsonRequired] public bool EngagementScoreCounts { get; set; } = true;

    [System.Text.Json.Serialization.JsonRequired] public int MqlThreshold { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public List<Grade> Grades { get; set; } = [];
}
