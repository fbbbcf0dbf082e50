using System.Text.Json.Serialization;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>
/// The lead fields a person or a program sends (product.md, POST /api/v1/leads). Only the email is required; a field
/// left out means the lead has none (an engagement score left out is 0: no engagement recorded).
/// </summary>
public class LeadFields
{
    public string? ExternalId { get; set; }
    [JsonRequired]
    public string Email { get; set; } = "";
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Company { get; set; }
    public string? Title { get; set; }
    public int? CompanySize { get; set; }
    public string? Industry { get; set; }
    public string? Country { get; set; }
    public string? Source { get; set; }
    public string? Campaign { get; set; }
    public int EngagementScore { get; set; }
}

public sealed class CreateLeadRequest : LeadFields;

public sealed class UpdateLeadRequest : LeadFields
{
    public Guid Id { get; set; }

    /// <summary>The lead revision the editor started from.</summary>
    public int Revision { get; set; }
}

public sealed class HandOffRequest
{
    public List<Guid> LeadIds { get; set; } = [];

    /// <summary>Needed to hand off a lead that is not an MQL.</summary>
    public string? OverrideReason { get; set; }
}

/// <summary>A contact attempt: how and with what outcome are required (a program that leaves them out is told so, never given a connected call).</summary>
public sealed class ContactRequest
{
    [JsonRequired]
    public ContactChannel Channel { get; set; } = ContactChannel.Phone;

    [JsonRequired]
    public ContactOutcome Outcome { get; set; } = ContactOutcome.Connected;

    public string? Note { get; set; }

    /// <summary>When the attempt happened; now when left empty. Never in the future.</summary>
    public DateTimeOffset? OccurredAt { get; set; }
}

public sealed class ReasonRequest
{
    [JsonRequired]
    public string? Reason { get; set; }
}

public sealed class WonRequest
{
    [JsonRequired]
    public decimal Amount { get; set; }
}

public sealed class ReassignRequest
{
    [JsonRequired]
    public string? OwnerEmail { get; set; }

    [JsonRequired]
    public string? Reason { get; set; }
}

public sealed record LeadSummary(
    Guid Id,
    string Name,
    string Email,
    string Company,
    string? Title,
    LeadStage Stage,
    bool IsMql,
    int Score,
    string? Grade,
    string? OwnerEmail,
    string? Source,
    DateTimeOffset CreatedAt,
    DateTimeOffset? HandedOffAt,
    string? RejectionReason,
    DateTimeOffset? RejectedAt);

public sealed record LeadPage(IReadOnlyList<LeadSummary> Items, int Total);

public sealed class LeadQuery
{
    public string? Search { get; set; }
    public LeadStage? Stage { get; set; }
    public string? OwnerEmail { get; set; }
    public string? ExternalId { get; set; }
    public string? Email { get; set; }
    public bool MqlOnly { get; set; }

    /// <summary>A column of <see cref="LeadSummary"/>; newest first when empty.</summary>
    public string? SortBy { get; set; }

    public bool Descending { get; set; }
    public int Skip { get; set; }
    public int Take { get; set; } = 25;
}

/// <summary>
/// A lead with its history. <see cref="Events"/> holds the lead's own events and, for a lead duplicates were merged into,
/// theirs too (an event's <see cref="LeadEvent.LeadId"/> says whose it is; <see cref="MergedLeads"/> names them).
/// </summary>
public sealed record LeadDetails(Lead Lead, QualificationVerdict? Verdict, IReadOnlyList<LeadEvent> Events)
{
    /// <summary>True when this call added the lead; false when it found the lead by its external id (updated or unchanged).</summary>
    public bool IsNew { get; init; }

    /// <summary>The duplicates merged into this lead (also those merged into them), oldest merge first.</summary>
    public IReadOnlyList<LeadRef> MergedLeads { get; init; } = [];

    /// <summary>For a merged duplicate: the lead it was merged into.</summary>
    public LeadRef? MergedInto { get; init; }

    /// <summary>The merged duplicate an event came from, or null for the lead's own event.</summary>
    public LeadRef? SourceOf(LeadEvent e) => e.LeadId == Lead.Id ? null : MergedLeads.FirstOrDefault(m => m.Id == e.LeadId);
}

/// <summary>Another lead, named as a page or an answer names it.</summary>
public sealed record LeadRef(Guid Id, string Name, string Email);

/// <summary>What a bulk hand-off did, lead by lead.</summary>
public sealed record HandOffOutcome(Guid LeadId, string Name, Result Result, string Message)
{
    public bool HandedOff => Result.Succeeded;
}

public sealed record RepInfo(string Id, string Email, string DisplayName, string? Team, bool Active);

/// <summary>The sales reps (people with the SalesRep role), from the user store.</summary>
public interface IRepDirectory
{
    Task<IReadOnlyList<RepInfo>> ListRepsAsync(CancellationToken ct = default);
}
