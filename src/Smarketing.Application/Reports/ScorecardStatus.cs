using Smarketing.Domain.Agreements;

namespace Smarketing.Application.Reports;

/// <summary>How a clause reads at a glance: green when kept, amber when missed narrowly, red when missed, grey without data.</summary>
public enum Rag
{
    NoData,
    Green,
    Amber,
    Red,
}

public static class ScorecardStatus
{
    /// <summary>A miss within this share of the target is amber, not red: close enough to talk about, not to celebrate.</summary>
    public const decimal AmberShare = 0.10m;

    public static Rag Of(ScorecardRow row) => Of(row.Actual, row.Target, row.Comparison);

    public static Rag Of(decimal? actual, decimal target, Comparison comparison)
    {
        if (actual is not { } value)
        {
            return Rag.NoData;
        }

        var kept = comparison == Comparison.AtLeast ? value >= target : value <= target;
        if (kept)
        {
            return Rag.Green;
        }

        var margin = Math.Abs(target) * AmberShare;
        var close = comparison == Comparison.AtLeast ? value >= target - margin : value <= target + margin;
        return close ? Rag.Amber : Rag.Red;
    }

    public static string Label(Rag rag) => rag switch
    {
        Rag.Green => "Kept",
        Rag.Amber => "Missed narrowly",
        Rag.Red => "Missed",
        _ => "No data yet",
    };
}
