namespace Smarketing.Domain.Agreements;

/// <summary>One measurable commitment of the agreement, owned by one department.</summary>
public sealed class Clause
{
    public Guid Id { get; set; } = Guid.NewGuid();
    [System.Text.Json.Serialization.JsonRequired] public string Title { get; set; } = "";
    [System.Text.Json.Serialization.JsonRequired] public Department Owner { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public ClauseMetric Metric { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public Comparison Comparison { get; set; } = Comparison.AtLeast;
    [System.Text.Json.Serialization.JsonRequired] public decimal Target { get; set; }
    [System.Text.Json.Serialization.JsonRequired] public Period Period { get; set; } = Period.Month;

    /// <summary>Optional: the clause counts only leads of this grade (e.g. "A").</summary>
    public string? Grade { get; set; }

    /// <summary>Optional: the clause counts only leads of this persona (by name).</summary>
    public string? Persona { get; set; }

    [System.Text.Json.Serialization.JsonIgnore]
    public MetricInfo MetricInfo => MetricCatalogue.Get(Metric);

    /// <summary>The commitment in words: "Sales: first contact on time >= 95% of A-leads per month".</summary>
    public string Describe()
    {
        var info = MetricInfo;
        var comparison = Comparison == Comparison.AtLeast ? "at least" : "at most";
        var target = info.Unit == MetricUnit.Percent ? $"{Target:0.##}%" : $"{Target:0.##}";
        var segment = (Grade, Persona) switch
        {
            ({ Length: > 0 } g, { Length: > 0 } p) => $" ({g}-leads, persona {p})",
            ({ Length: > 0 } g, _) => $" ({g}-leads)",
            (_, { Length: > 0 } p) => $" (persona {p})",
            _ => "",
        };
        return $"{info.Label} {comparison} {target} per {Period.ToString().ToLowerInvariant()}{segment}";
    }

    /// <summary>Whether an actual value keeps this commitment.</summary>
    public bool IsMet(decimal actual) => Comparison == Comparison.AtLeast ? actual >= Target : actual <= Target;
}
