namespace Smarketing.Domain.Agreements;

/// <summary>
/// What of a stored version may still change. A draft may change freely, except that a signature once given is never
/// rewritten: it stays as signed, or an edit of the draft voids it (cleared with the content revision going up). An
/// adopted version, in force or superseded, never changes and is never deleted; superseding it changes nothing in it,
/// because which version is in force is worked out from the effective dates (<see cref="VersionTimeline"/>).
/// </summary>
public static class AgreementHistory
{
    /// <summary>Why <paramref name="stored"/> may not become <paramref name="proposed"/>; null when it may.</summary>
    public static string? RefuseChange(AgreementVersion stored, AgreementVersion proposed)
    {
        if (!stored.IsDraft)
        {
            return $"Version {stored.Number} is adopted; an adopted agreement version never changes.";
        }

        foreach (var department in new[] { Department.Marketing, Department.Sales })
        {
            var before = Signed(stored, department);
            var after = Signed(proposed, department);
            var voidedByAnEdit = after == default && proposed.ContentRevision > stored.ContentRevision;
            if (before.By is not null && after != before && !voidedByAnEdit)
            {
                return $"The {department.ToString().ToLowerInvariant()} signature on version {stored.Number} can't be rewritten; only an edit of the draft voids it.";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="stored"/> may not be deleted; null when it may (an unsigned draft).</summary>
    public static string? RefuseDeletion(AgreementVersion stored)
    {
        if (!stored.IsDraft)
        {
            return $"Version {stored.Number} is adopted; an adopted agreement version is never deleted.";
        }

        return stored.MarketingSignedBy is not null || stored.SalesSignedBy is not null
            ? $"Version {stored.Number} carries a signature; a signed version is never deleted."
            : null;
    }

    /// <summary>Why a section of <paramref name="stored"/> may not change or go; null when it may (the version is a draft).</summary>
    public static string? RefuseSectionChange(AgreementVersion stored) =>
        stored.IsDraft ? null : $"Version {stored.Number} is adopted; its sections never change.";

    private static (string? By, string? Name, DateTimeOffset? At) Signed(AgreementVersion version, Department department) =>
        department == Department.Marketing
            ? (version.MarketingSignedBy, version.MarketingSignerName, version.MarketingSignedAt)
            : (version.SalesSignedBy, version.SalesSignerName, version.SalesSignedAt);
}
