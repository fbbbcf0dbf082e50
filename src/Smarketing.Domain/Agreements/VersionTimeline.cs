namespace Smarketing.Domain.Agreements;

/// <summary>Which version was in force when: the adopted version with the latest effective instant at or before a moment.</summary>
public static class VersionTimeline
{
    /// <summary>
    /// The version that judges something that happened at <paramref name="moment"/>. Before the first version
    /// took effect, the first version judges (so a backfilled history has a baseline). Null when none is adopted.
    /// </summary>
    public static T? InForceAt<T>(IEnumerable<T> versions, DateTimeOffset moment, Func<T, DateTimeOffset?> effectiveAt, Func<T, int> number)
        where T : class
    {
        var adopted = versions.Where(v => effectiveAt(v) is not null).ToList();
        return adopted
                   .Where(v => effectiveAt(v) <= moment)
                   .OrderByDescending(v => effectiveAt(v))
                   .ThenByDescending(number)
                   .FirstOrDefault()
               ?? adopted.OrderBy(v => effectiveAt(v)).ThenBy(number).FirstOrDefault();
    }

    public static AgreementVersion? InForceAt(IEnumerable<AgreementVersion> versions, DateTimeOffset moment) =>
        InForceAt(versions, moment, v => v.AdoptedAt is null ? null : v.EffectiveAt, v => v.Number);

    public static VersionStatus StatusOf(AgreementVersion version, IReadOnlyCollection<AgreementVersion> all, DateTimeOffset now)
    {
        if (version.IsDraft)
        {
            return VersionStatus.Draft;
        }

        if (version.EffectiveAt > now)
        {
            return VersionStatus.Scheduled;
        }

        return InForceAt(all.Where(v => !v.IsDraft && v.EffectiveAt <= now), now)?.Id == version.Id
            ? VersionStatus.InForce
            : VersionStatus.Superseded;
    }
}
