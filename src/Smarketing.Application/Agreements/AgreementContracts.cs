using System.Text.Json.Serialization;
using Smarketing.Domain.Agreements;

namespace Smarketing.Application.Agreements;

public sealed record SectionStamp(int Revision, DateTimeOffset UpdatedAt, string? UpdatedBy);

/// <summary>A whole version as people read it.</summary>
public sealed record AgreementVersionView(
    Guid Id,
    int Number,
    VersionStatus Status,
    DateOnly? EffectiveFrom,
    DateTimeOffset? EffectiveAt,
    DateTimeOffset? AdoptedAt,
    Signature? MarketingSignature,
    Signature? SalesSignature,
    int ContentRevision,
    string Summary,
    AgreementContent Content,
    IReadOnlyDictionary<AgreementSection, SectionStamp> Sections,
    DateTimeOffset CreatedAt,
    string? CreatedBy);

public sealed record VersionSummary(
    int Number,
    VersionStatus Status,
    DateOnly? EffectiveFrom,
    DateTimeOffset? AdoptedAt,
    Signature? MarketingSignature,
    Signature? SalesSignature,
    string Summary,
    DateTimeOffset CreatedAt,
    string? CreatedBy);

public sealed class SaveSectionRequest
{
    public AgreementSection Section { get; set; }

    /// <summary>The section revision the editor started from; a newer one means someone else saved first.</summary>
    public int ExpectedRevision { get; set; }

    /// <summary>The editor's content; only the part for <see cref="Section"/> is read.</summary>
    public AgreementContent Content { get; set; } = new();
}

/// <summary>Either the section saved, or someone else saved it first and nothing was overwritten.</summary>
public sealed record SectionSaveOutcome(SectionStamp? Saved, SectionConflict? Conflict)
{
    public bool IsConflict => Conflict is not null;
}

/// <summary>What the other person changed since the editor opened the section, and what is stored now.</summary>
public sealed record SectionConflict(
    AgreementSection Section,
    string? ChangedBy,
    DateTimeOffset ChangedAt,
    int CurrentRevision,
    IReadOnlyList<DiffLine> TheirChanges,
    IReadOnlyList<DiffLine> YourChanges,
    AgreementContent Current);

/// <summary>The draft's effective date and summary, both required (an effective date of null leaves the draft undated).</summary>
public sealed class DraftHeaderRequest
{
    [JsonRequired]
    public DateOnly? EffectiveFrom { get; set; }

    [JsonRequired]
    public string Summary { get; set; } = "";

    [JsonRequired]
    public int ExpectedContentRevision { get; set; }
}

public sealed class SignRequest
{
    [JsonRequired]
    public Department Department { get; set; }

    /// <summary>The content revision the signer read; a signature covers exactly that content.</summary>
    [JsonRequired]
    public int ContentRevision { get; set; }
}

/// <summary>Raised after any change to the agreement, so open pages can say so live.</summary>
public sealed record AgreementChanged(int VersionNumber, AgreementSection? Section, string What, string ChangedBy, DateTimeOffset At);
