using Smarketing.Domain.Leads;

namespace Smarketing.Domain.Clocks;

/// <summary>The three promises a response rule makes for every handed-off lead.</summary>
public enum TimerKind
{
    /// <summary>Hand-off to the first contact attempt.</summary>
    FirstContact,

    /// <summary>Hand-off to accept or reject.</summary>
    Decision,

    /// <summary>The required number of contact attempts within the follow-up window.</summary>
    FollowUp,
}

public enum TimerStatus
{
    Running,
    AtRisk,
    Met,
    Breached,
}

/// <summary>
/// One clause applied to one lead: started at hand-off, due after a budget of business minutes under the
/// agreement version in force at hand-off. What never changes once it stops (the business minutes it took,
/// met or breached) is stored, so reports never recompute history.
/// </summary>
public sealed class SlaTimer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid LeadId { get; set; }

    /// <summary>Which hand-off of the lead this belongs to (a lead handed back and handed off again starts fresh timers).</summary>
    public int Cycle { get; set; }

    public TimerKind Kind { get; set; }

    /// <summary>The promise in words: "First contact within 4 business hours (A-leads)".</summary>
    public string Clause { get; set; } = "";

    public int SlaVersion { get; set; }
    public string RuleName { get; set; } = "";
    public int BudgetBusinessMinutes { get; set; }
    public int RequiredAttempts { get; set; }
    /// <summary>Contact attempts so far for a follow-up; for a first contact, 1 once a contact attempt stopped it.</summary>
    public int AttemptsMade { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset AtRiskAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? StoppedAt { get; set; }
    public TimerStatus Status { get; set; }

    /// <summary>Business minutes from start to stop, stored when the timer stops.</summary>
    public long? BusinessMinutesElapsed { get; set; }

    /// <summary>When the rep was warned (at risk) and when the breach was escalated: each happens once.</summary>
    public DateTimeOffset? AtRiskNotifiedAt { get; set; }

    public DateTimeOffset? BreachNotifiedAt { get; set; }

    /// <summary>The owner when the timer was last computed, for the queue and escalation.</summary>
    public string? OwnerId { get; set; }

    /// <summary>
    /// A copy of what the reports group and filter by on the timer's lead, as the lead is now (owner, grade, persona,
    /// how it ended). Kept in step by <see cref="ReflectLead"/> on every save of the lead, so a report over a million
    /// leads counts one covering index and never joins timers to leads.
    /// </summary>
    public string? LeadOwnerEmail { get; set; }

    public string? LeadGrade { get; set; }
    public string? LeadPersona { get; set; }
    public bool LeadAccepted { get; set; }
    public bool LeadRejected { get; set; }
    public bool LeadWon { get; set; }
    public bool LeadLost { get; set; }

    public bool IsStopped => StoppedAt is not null;

    /// <summary>
    /// A first contact stopped because the lead was handed off again before anyone contacted it: its stop is not a
    /// contact (<see cref="AttemptsMade"/> is 1 only when a contact attempt stopped it).
    /// </summary>
    public bool EndedWithoutContact => Kind == TimerKind.FirstContact && StoppedAt is not null && AttemptsMade == 0;

    /// <summary>Copies the lead's report facts onto the timer; unlike the timer's own history, these follow the lead.</summary>
    public void ReflectLead(Lead lead)
    {
        LeadOwnerEmail = lead.OwnerEmail;
        LeadGrade = lead.Grade;
        LeadPersona = lead.Persona;
        LeadAccepted = lead.AcceptedAt is not null;
        LeadRejected = lead.RejectedAt is not null;
        LeadWon = lead.WonAt is not null;
        LeadLost = lead.LostAt is not null;
    }
}
