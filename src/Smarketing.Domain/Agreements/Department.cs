namespace Smarketing.Domain.Agreements;

public enum Department
{
    Marketing,
    Sales,
}

public enum Period
{
    Week,
    Month,
    Quarter,
}

public enum Comparison
{
    AtLeast,
    AtMost,
}

public enum MetricUnit
{
    Count,
    Percent,
}
