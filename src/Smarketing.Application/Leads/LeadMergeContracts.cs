using System.Text.Json.Serialization;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>Merge a duplicate into a lead (POST /api/v1/leads/{id}/merge): which lead, and which of its details to take.</summary>
public sealed class MergeRequest
{
    [JsonRequired]
    public Guid DuplicateId { get; set; }

    /// <summary>The API names of the details the survivor takes from the duplicate (<see cref="LeadMergeFields"/>); empty keeps all of its own.</summary>
    [JsonRequired]
    public List<string?>? TakeFromDuplicate { get; set; }
}

/// <summary>One side of a merge as the manager compares it.</summary>
public sealed record MergeSide(Guid Id, string Name, string Email, string? ExternalId, LeadStage Stage, DateTimeOffset CreatedAt, int Revision);

/// <summary>One detail of the two leads side by side; the survivor's value is kept unless the manager takes the duplicate's.</summary>
public sealed record MergeFieldRow(MergeField Field, string Label, string SurvivorValue, string DuplicateValue, bool Differs);

/// <summary>What merging the duplicate into the survivor would do, and <see cref="Check"/>: whether the rules allow it, and why not.</summary>
public sealed record MergePreview(MergeSide Survivor, MergeSide Duplicate, IReadOnlyList<MergeFieldRow> Fields, Result Check);
