using Smarketing.Domain.Common;

namespace Smarketing.Domain.Agreements;

/// <summary>Who signed a version for a department, and when.</summary>
public sealed record Signature(string SignedBy, string SignerName, DateTimeOffset SignedAt);

public enum VersionStatus
{
    Draft,
    Scheduled,
    InForce,
    Superseded,
}

/// <summary>
/// One version of the agreement. A draft is edited section by section; signed by a marketing manager and a
/// sales manager it is adopted and comes into force on its effective date, superseding the one before.
/// Adopted versions never change.
/// </summary>
public sealed class AgreementVersion : IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public int Number { get; set; }

    /// <summary>The local date (in the version's calendar) from which it is in force.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>The instant the effective date starts in the calendar's time zone; set on adoption.</summary>
    public DateTimeOffset? EffectiveAt { get; set; }

    public string? MarketingSignedBy { get; set; }
    public string? MarketingSignerName { get; set; }
    public DateTimeOffset? MarketingSignedAt { get; set; }
    public string? SalesSignedBy { get; set; }
    public string? SalesSignerName { get; set; }
    public DateTimeOffset? SalesSignedAt { get; set; }

    public Signature? MarketingSignature =>
        MarketingSignedBy is null ? null : new(MarketingSignedBy, MarketingSignerName ?? MarketingSignedBy, MarketingSignedAt ?? default);

    public Signature? SalesSignature =>
        SalesSignedBy is null ? null : new(SalesSignedBy, SalesSignerName ?? SalesSignedBy, SalesSignedAt ?? default);

    /// <summary>When the second signature landed; null while a draft.</summary>
    public DateTimeOffset? AdoptedAt { get; set; }

    /// <summary>1 while a draft, null once adopted: a unique index on it lets the database allow only one draft.</summary>
    public int? DraftSlot { get; set; } = 1;

    /// <summary>Goes up with every edit of a draft; a signature is valid only for the revision the signer read.</summary>
    public int ContentRevision { get; set; }

    /// <summary>What this version changes, in the managers' own words.</summary>
    public string Summary { get; set; } = "";

    public List<AgreementSectionRecord> Sections { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsDraft => AdoptedAt is null;

    public Signature? SignatureOf(Department department) =>
        department == Department.Marketing ? MarketingSignature : SalesSignature;

    /// <summary>Checks that <paramref name="department"/> may sign this draft now; null when it may.</summary>
    public Result? RefuseSignature(Department department, DateOnly today, int contentRevisionSeen)
    {
        if (!IsDraft)
        {
            return Result.Conflict($"Version {Number} is already signed by both departments; it can no longer be signed.");
        }

        if (contentRevisionSeen != ContentRevision)
        {
            return Result.Conflict("The draft changed since you opened it. Read the changes, then sign again.");
        }

        if (SignatureOf(department) is { } existing)
        {
            return Result.Conflict($"{existing.SignerName} already signed version {Number} for {department.ToString().ToLowerInvariant()}.");
        }

        if (EffectiveFrom is null)
        {
            return Result.Invalid(nameof(EffectiveFrom), "Set the effective date before signing.");
        }

        if (EffectiveFrom < today)
        {
            return Result.Invalid(nameof(EffectiveFrom), $"The effective date {EffectiveFrom:yyyy-MM-dd} has passed; choose today or later, then sign.");
        }

        return null;
    }

    /// <summary>Checks a new effective date for this draft; null when acceptable.</summary>
    public Result? RefuseEffectiveDate(DateOnly date, DateOnly today)
    {
        if (!IsDraft)
        {
            return Result.Conflict($"Version {Number} is adopted; its effective date can't change.");
        }

        return date < today
            ? Result.Invalid(nameof(EffectiveFrom), $"The effective date must be today ({today:yyyy-MM-dd}) or later.")
            : null;
    }
}

/// <summary>One section of a version, stored as a JSON document with its own revision for optimistic concurrency.</summary>
public sealed class AgreementSectionRecord
{
    public Guid VersionId { get; set; }
    public AgreementSection Section { get; set; }
    public string Json { get; set; } = "";
    public int Revision { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>Every saved state of a section, kept forever: the draft's history, and the base for conflict messages.</summary>
public sealed class AgreementSectionRevision
{
    public long Id { get; set; }
    public Guid VersionId { get; set; }
    public AgreementSection Section { get; set; }
    public int Revision { get; set; }
    public string Json { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public string? SavedBy { get; set; }
}
