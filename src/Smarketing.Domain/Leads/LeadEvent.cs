namespace Smarketing.Domain.Leads;

/// <summary>One thing that happened to a lead. Written once, never changed: together they are the lead's history.</summary>
public sealed class LeadEvent
{
    public long Id { get; set; }
    public Guid LeadId { get; set; }
    public LeadEventType Type { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>When it happened in the world, if different from when it was recorded (a call logged afterwards).</summary>
    public DateTimeOffset? OccurredAt { get; set; }

    public string? ActorId { get; set; }
    public string? ActorEmail { get; set; }
    public LeadStage? FromStage { get; set; }
    public LeadStage? ToStage { get; set; }

    /// <summary>Why: a rejection or lost reason, an override reason, the explanation of an assignment.</summary>
    public string? Reason { get; set; }

    public string? Note { get; set; }
    public string? OwnerEmail { get; set; }
    public ContactChannel? Channel { get; set; }
    public ContactOutcome? Outcome { get; set; }
    public decimal? Amount { get; set; }

    /// <summary>The agreement version in force when this happened.</summary>
    public int? SlaVersion { get; set; }
}
