namespace Smarketing.Domain.Agreements;

public enum DurationUnit
{
    Minutes,
    Hours,
    Days,
}

/// <summary>A span of business time as people write it: "4 business hours", "2 business days".</summary>
public sealed class BusinessDuration
{
    [System.Text.Json.Serialization.JsonRequired] public int Value { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public DurationUnit Unit { get; set; } = DurationUnit.Hours;

    public BusinessDuration()
    {
    }

    public BusinessDuration(int value, DurationUnit unit)
    {
        Value = value;
        Unit = unit;
    }

    /// <summary>
    /// Business minutes, given how many working minutes make a business day in the calendar
    /// (the calendar's average working day; see BusinessCalendar.MinutesPerBusinessDay).
    /// </summary>
    public int ToBusinessMinutes(int minutesPerBusinessDay) => Unit switch
    {
        DurationUnit.Minutes => Value,
        DurationUnit.Hours => Value * 60,
        DurationUnit.Days => Value * minutesPerBusinessDay,
        _ => throw new ArgumentOutOfRangeException(nameof(Unit), Unit, null),
    };

    public override string ToString()
    {
        var unit = Unit.ToString().ToLowerInvariant();
        return $"{Value} business {(Value == 1 ? unit.TrimEnd('s') : unit)}";
    }
}

public enum AssignmentMode
{
    /// <summary>Handed-off leads wait in a pool; reps claim them.</summary>
    OpenPool,

    /// <summary>Each handed-off lead goes to the next eligible rep in turn.</summary>
    RoundRobin,
}

/// <summary>How fast and how often sales follows up leads of some grades and personas.</summary>
public sealed class ResponseRule
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [System.Text.Json.Serialization.JsonRequired] public string Name { get; set; } = "";

    /// <summary>The catch-all rule for leads no other rule matches; exactly one per agreement.</summary>
    [System.Text.Json.Serialization.JsonRequired] public bool IsDefault { get; set; }

    /// <summary>Grades this rule covers; empty means every grade.</summary>
    public List<string> Grades { get; set; } = [];

    /// <summary>Personas this rule covers; empty means every persona.</summary>
    public List<string> Personas { get; set; } = [];

    [System.Text.Json.Serialization.JsonRequired] public BusinessDuration FirstContact { get; set; } = new(4, DurationUnit.Hours);
    [System.Text.Json.Serialization.JsonRequired] public BusinessDuration Decision { get; set; } = new(2, DurationUnit.Days);
    [System.Text.Json.Serialization.JsonRequired] public int FollowUpAttempts { get; set; } = 6;
    [System.Text.Json.Serialization.JsonRequired] public BusinessDuration FollowUpWindow { get; set; } = new(10, DurationUnit.Days);

    /// <summary>A timer turns "at risk" when this share of its budget has passed.</summary>
    [System.Text.Json.Serialization.JsonRequired] public int WarningPercent { get; set; } = 75;

    public string DescribeTarget()
    {
        if (IsDefault)
        {
            return "all other leads";
        }

        var grades = Grades.Count == 0 ? "" : string.Join("/", Grades) + "-leads";
        var personas = Personas.Count == 0 ? "" : "persona " + string.Join(" or ", Personas);
        return (grades, personas) switch
        {
            ("", "") => "every lead",
            (_, "") => grades,
            ("", _) => $"leads of {personas}",
            _ => $"{grades} of {personas}",
        };
    }

    /// <summary>Whether this rule covers a lead of the given grade and persona (default rules are matched last by the caller).</summary>
    public bool Covers(string? grade, string? persona) =>
        (Grades.Count == 0 || (grade is not null && Grades.Contains(grade, StringComparer.OrdinalIgnoreCase)))
        && (Personas.Count == 0 || (persona is not null && Personas.Contains(persona, StringComparer.OrdinalIgnoreCase)));

    /// <summary>Two non-default rules overlap when some lead could match both.</summary>
    public bool Overlaps(ResponseRule other)
    {
        if (IsDefault || other.IsDefault)
        {
            return false;
        }

        static bool Intersect(List<string> a, List<string> b) =>
            a.Count == 0 || b.Count == 0 || a.Intersect(b, StringComparer.OrdinalIgnoreCase).Any();

        return Intersect(Grades, other.Grades) && Intersect(Personas, other.Personas);
    }
}

/// <summary>Sales' response commitments: the rules, and how handed-off leads reach reps.</summary>
public sealed class ResponseRules
{
    [System.Text.Json.Serialization.JsonRequired] public AssignmentMode Assignment { get; set; } = AssignmentMode.OpenPool;
    [System.Text.Json.Serialization.JsonRequired] public List<ResponseRule> Rules { get; set; } = [];

    /// <summary>The one rule that applies to a lead: the specific rule covering it, else the default.</summary>
    public ResponseRule RuleFor(string? grade, string? persona) =>
        Rules.FirstOrDefault(r => !r.IsDefault && r.Covers(grade, persona))
        ?? Rules.Single(r => r.IsDefault);

    /// <summary>Pairs of rules some lead could match both of; a valid agreement has none.</summary>
    public IEnumerable<(ResponseRule First, ResponseRule Second)> Overlaps()
    {
        for (var i = 0; i < Rules.Count; i++)
        {
            for (var j = i + 1; j < Rules.Count; j++)
            {
                if (Rules[i].Overlaps(Rules[j]))
                {
                    yield return (Rules[i], Rules[j]);
                }
            }
        }
    }
}

/// <summary>The lists sales chooses from when rejecting a lead or marking an opportunity lost.</summary>
public sealed class ReasonLists
{
    [System.Text.Json.Serialization.JsonRequired] public List<string> RejectionReasons { get; set; } = [];
    [System.Text.Json.Serialization.JsonRequired] public List<string> LostReasons { get; set; } = [];
}
