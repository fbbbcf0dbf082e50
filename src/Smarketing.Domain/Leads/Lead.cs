using Smarketing.Domain.Common;

namespace Smarketing.Domain.Leads;

/// <summary>Who does something to a lead.</summary>
public sealed record Actor(string Id, string Email);

/// <summary>
/// A person at a company who showed interest, and where they are on the way from marketing to sales.
/// Every move goes through a method here that checks it is allowed, and records an event saying who, when,
/// from which stage to which, why, and under which agreement version.
/// </summary>
public sealed class Lead : IAuditable
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string? ExternalId { get; set; }
    public string Email { get; set; } = "";
    public string FirstName { get; set; } = "";
    public string LastName { get; set; } = "";
    public string Company { get; set; } = "";
    public string? Title { get; set; }
    public int? CompanySize { get; set; }
    public string? Industry { get; set; }
    public string? Country { get; set; }
    public string? Source { get; set; }
    public string? Campaign { get; set; }
    public int EngagementScore { get; set; }

    public LeadStage Stage { get; set; } = LeadStage.New;

    public bool IsMql { get; set; }
    public int Score { get; set; }
    public string? Grade { get; set; }
    public string? Persona { get; set; }

    /// <summary>The last qualification verdict with its reasons, as JSON, so the lead page can say why.</summary>
    public string? QualificationJson { get; set; }

    public string? OwnerId { get; set; }
    public string? OwnerEmail { get; set; }

    public DateTimeOffset? HandedOffAt { get; set; }

    /// <summary>The agreement version in force at hand-off: the lead is judged by it.</summary>
    public int? HandedOffVersion { get; set; }

    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? FirstContactAt { get; set; }
    public int ContactAttempts { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? RejectedAt { get; set; }
    public string? RejectionReason { get; set; }
    public DateTimeOffset? SqlAt { get; set; }
    public DateTimeOffset? WonAt { get; set; }
    public decimal? Amount { get; set; }
    public DateTimeOffset? LostAt { get; set; }
    public string? LostReason { get; set; }

    /// <summary>The lead this one was merged into by hand, as a duplicate (<see cref="LeadStage.Merged"/>); null for a lead of its own.</summary>
    public Guid? MergedIntoId { get; set; }

    /// <summary>Goes up with every change; a change based on an older revision is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public List<LeadEvent> Events { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public string Name => $"{FirstName} {LastName}".Trim();

    public LeadFacts Facts => new(CompanySize, Industry, Country, Title, Source, Campaign, EngagementScore);

    /// <summary>Takes a new qualification verdict: a lead not yet with sales moves between New and MQL with it.</summary>
    public void ApplyQualification(QualificationVerdict verdict, string verdictJson)
    {
        IsMql = verdict.IsMql;
        Score = verdict.Score;
        Grade = verdict.Grade;
        Persona = verdict.Persona;
        QualificationJson = verdictJson;
        if (Stage is LeadStage.New or LeadStage.Mql)
        {
            Stage = verdict.IsMql ? LeadStage.Mql : LeadStage.New;
        }
    }

    /// <summary>
    /// What the person with <paramref name="userId"/> and <paramref name="roles"/> may do to this lead now: each action
    /// is offered exactly when its move below would pass its stage and ownership guards, and the service's role check.
    /// </summary>
    public AvailableActions ActionsFor(string? userId, IEnumerable<string> roles)
    {
        var has = roles.ToHashSet(StringComparer.Ordinal);
        var available = new HashSet<LeadAction>();
        if (IsMerged)
        {
            return new AvailableActions(available, null);
        }

        if (has.Contains(LeadActionRoles.For(LeadAction.Edit)))
        {
            available.UnionWith([LeadAction.Edit, LeadAction.Merge]);
            AddIf(available, CanBeHandedOff, LeadAction.HandOff);
        }

        var rep = has.Contains(LeadActionRoles.For(LeadAction.Claim));
        var mine = userId is not null && OwnerId == userId;
        if (rep)
        {
            AddIf(available, WaitsInThePool, LeadAction.Claim);
            AddIf(available, mine && IsBeingWorked, LeadAction.LogContact);
            AddIf(available, mine && Stage == LeadStage.Claimed, LeadAction.Accept, LeadAction.Reject);
            AddIf(available, mine && Stage == LeadStage.Accepted, LeadAction.Convert);
            AddIf(available, mine && Stage == LeadStage.Sql, LeadAction.MarkWon, LeadAction.MarkLost);
        }

        var manager = has.Contains(LeadActionRoles.For(LeadAction.Reassign));
        AddIf(available, manager && IsWithSales, LeadAction.Reassign);

        var onlyOwner = rep && !manager && !mine && IsBeingWorked ? OwnerEmail : null;
        return new AvailableActions(available, onlyOwner);
    }

    private static void AddIf(HashSet<LeadAction> available, bool condition, params LeadAction[] actions)
    {
        if (condition)
        {
            available.UnionWith(actions);
        }
    }

    public bool IsMerged => Stage == LeadStage.Merged;

    /// <summary>New, MQL or returned by sales: marketing still has it.</summary>
    private bool CanBeHandedOff => Stage is LeadStage.New or LeadStage.Mql or LeadStage.Rejected;

    private bool WaitsInThePool => Stage == LeadStage.HandedOff && OwnerId is null;

    /// <summary>A rep owns it and works it: contact attempts are logged now.</summary>
    private bool IsBeingWorked => OwnerId is not null && LeadStages.IsOpen(Stage);

    private bool IsWithSales => LeadStages.IsHeldBySales(Stage);

    public Result HandOff(Actor by, DateTimeOffset now, int slaVersion, string? overrideReason)
    {
        if (!CanBeHandedOff)
        {
            return Refuse($"is already with sales ({LeadStages.Label(Stage)}); only new, MQL or returned leads can be handed off");
        }

        if (!IsMql && string.IsNullOrWhiteSpace(overrideReason))
        {
            return Result.Invalid("OverrideReason", $"{Name} is not an MQL under the agreement. To hand it off anyway, say why.");
        }

        // A lead handed back and handed off again starts afresh: new clocks, no owner.
        OwnerId = null;
        OwnerEmail = null;
        HandedOffAt = now;
        HandedOffVersion = slaVersion;
        ClaimedAt = null;
        FirstContactAt = null;
        ContactAttempts = 0;
        AcceptedAt = null;
        RejectedAt = null;
        RejectionReason = null;
        Move(LeadEventType.HandedOff, LeadStage.HandedOff, by, now, slaVersion, reason: IsMql ? null : $"Override: {overrideReason!.Trim()}");
        return Result.Success();
    }

    /// <summary>Round robin: the lead goes straight to a rep, with the reason that rep was chosen.</summary>
    public Result Assign(Actor rep, string why, Actor by, DateTimeOffset now, int slaVersion)
    {
        if (!WaitsInThePool)
        {
            return Refuse("is not waiting for a rep");
        }

        SetOwner(rep);
        ClaimedAt = now;
        Move(LeadEventType.Assigned, LeadStage.Claimed, by, now, slaVersion, reason: why);
        return Result.Success();
    }

    public Result Claim(Actor rep, DateTimeOffset now, int slaVersion)
    {
        if (!WaitsInThePool)
        {
            return OwnerId == rep.Id ? Result.Conflict($"You have already claimed {Name}.")
                : OwnerEmail is not null ? Result.Conflict($"{Name} is already claimed by {OwnerEmail}.")
                : Refuse($"can't be claimed: it is at '{LeadStages.Label(Stage)}', not waiting in the pool");
        }

        SetOwner(rep);
        ClaimedAt = now;
        Move(LeadEventType.Claimed, LeadStage.Claimed, rep, now, slaVersion);
        return Result.Success();
    }

    /// <param name="zone">The agreement calendar's time zone, in which a refusal names the hand-off time (UTC when left out).</param>
    public Result LogContact(
        Actor rep, DateTimeOffset occurredAt, ContactChannel channel, ContactOutcome outcome, string? note, DateTimeOffset now, int slaVersion, TimeZoneInfo? zone = null)
    {
        if (RefuseUnlessOwner(rep, "log a contact attempt on") is { } refused)
        {
            return refused;
        }

        if (!IsBeingWorked)
        {
            return Refuse($"is at '{LeadStages.Label(Stage)}'; contact attempts are logged while a rep works it");
        }

        if (occurredAt > now)
        {
            return Result.Invalid("OccurredAt", "The contact time can't be in the future.");
        }

        if (HandedOffAt is { } handedOff && occurredAt < handedOff)
        {
            return Result.Invalid("OccurredAt", $"The contact time can't be before the hand-off at {BusinessTime.LocalTime.Describe(handedOff, zone ?? TimeZoneInfo.Utc)}.");
        }

        ContactAttempts++;
        if (FirstContactAt is null || occurredAt < FirstContactAt)
        {
            FirstContactAt = occurredAt;
        }

        var @event = Record(LeadEventType.ContactAttempt, Stage, Stage, rep, now, slaVersion, note: note);
        @event.OccurredAt = occurredAt;
        @event.Channel = channel;
        @event.Outcome = outcome;
        return Result.Success();
    }

    public Result Accept(Actor rep, DateTimeOffset now, int slaVersion)
    {
        if (RefuseUnlessOwner(rep, "accept") is { } refused)
        {
            return refused;
        }

        if (Stage != LeadStage.Claimed)
        {
            return Refuse($"can't be accepted: it is at '{LeadStages.Label(Stage)}'; a rep accepts a lead they have claimed");
        }

        AcceptedAt = now;
        Move(LeadEventType.Accepted, LeadStage.Accepted, rep, now, slaVersion);
        return Result.Success();
    }

    public Result Reject(Actor rep, string? reason, IReadOnlyList<string> allowedReasons, DateTimeOffset now, int slaVersion)
    {
        if (RefuseUnlessOwner(rep, "reject") is { } refused)
        {
            return refused;
        }

        if (Stage != LeadStage.Claimed)
        {
            return Refuse($"can't be rejected: it is at '{LeadStages.Label(Stage)}'; a rep rejects a lead they have claimed and not yet accepted");
        }

        if (RefuseReason(reason, allowedReasons, "Reason", "rejection") is { } invalid)
        {
            return invalid;
        }

        RejectedAt = now;
        RejectionReason = Canonical(reason!, allowedReasons);
        var previousOwner = OwnerEmail;
        Move(LeadEventType.Rejected, LeadStage.Rejected, rep, now, slaVersion, reason: RejectionReason);
        OwnerId = null;
        OwnerEmail = null;
        Events[^1].OwnerEmail = previousOwner;
        return Result.Success();
    }

    public Result Convert(Actor rep, DateTimeOffset now, int slaVersion)
    {
        if (RefuseUnlessOwner(rep, "convert") is { } refused)
        {
            return refused;
        }

        if (Stage != LeadStage.Accepted)
        {
            return Refuse($"can't become an opportunity: it is at '{LeadStages.Label(Stage)}'; accept it first");
        }

        SqlAt = now;
        Move(LeadEventType.Converted, LeadStage.Sql, rep, now, slaVersion);
        return Result.Success();
    }

    public Result MarkWon(Actor rep, decimal amount, DateTimeOffset now, int slaVersion)
    {
        if (RefuseUnlessOwner(rep, "close") is { } refused)
        {
            return refused;
        }

        if (Stage != LeadStage.Sql)
        {
            return Refuse($"can't be won: it is at '{LeadStages.Label(Stage)}'; only opportunities are won or lost");
        }

        if (amount <= 0)
        {
            return Result.Invalid("Amount", "The amount won must be positive.");
        }

        WonAt = now;
        Amount = amount;
        Move(LeadEventType.Won, LeadStage.Won, rep, now, slaVersion).Amount = amount;
        return Result.Success();
    }

    public Result MarkLost(Actor rep, string? reason, IReadOnlyList<string> allowedReasons, DateTimeOffset now, int slaVersion)
    {
        if (RefuseUnlessOwner(rep, "close") is { } refused)
        {
            return refused;
        }

        if (Stage != LeadStage.Sql)
        {
            return Refuse($"can't be lost: it is at '{LeadStages.Label(Stage)}'; only opportunities are won or lost");
        }

        if (RefuseReason(reason, allowedReasons, "Reason", "lost") is { } invalid)
        {
            return invalid;
        }

        LostAt = now;
        LostReason = Canonical(reason!, allowedReasons);
        Move(LeadEventType.Lost, LeadStage.Lost, rep, now, slaVersion, reason: LostReason);
        return Result.Success();
    }

    /// <summary>A sales manager moves a lead to another rep; the SLA clocks keep running (they are the company's promise).</summary>
    public Result Reassign(Actor manager, Actor newOwner, string? reason, DateTimeOffset now, int slaVersion)
    {
        if (!IsWithSales)
        {
            return Refuse($"is at '{LeadStages.Label(Stage)}'; only leads with sales can be reassigned");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid("Reason", "Say why the lead moves to another rep.");
        }

        if (OwnerId == newOwner.Id)
        {
            return Result.Invalid("OwnerEmail", $"{newOwner.Email} already owns {Name}.");
        }

        var from = OwnerEmail;
        SetOwner(newOwner);
        if (Stage == LeadStage.HandedOff)
        {
            ClaimedAt = now;
            Move(LeadEventType.Reassigned, LeadStage.Claimed, manager, now, slaVersion, reason: $"{reason.Trim()} (from the pool to {newOwner.Email})");
        }
        else
        {
            Record(LeadEventType.Reassigned, Stage, Stage, manager, now, slaVersion, reason: $"{reason.Trim()} (from {from ?? "nobody"} to {newOwner.Email})");
        }

        return Result.Success();
    }

    /// <summary>Whether this lead's details may be changed: not once it is merged into another lead.</summary>
    public Result CheckEditable() =>
        IsMerged ? Refuse("was merged into another lead; change the lead it was merged into instead") : Result.Success();

    /// <summary>
    /// Whether <paramref name="duplicate"/> may be merged into this lead, with the reason when not. A duplicate that was
    /// ever handed off has SLA timers (a rejection keeps them): merged away, its clocks would count twice in the reports
    /// or vanish from them, so only a lead marketing never handed off can be merged away.
    /// </summary>
    public Result CheckMerge(Lead duplicate)
    {
        if (duplicate.Id == Id)
        {
            return Result.Invalid("DuplicateId", "A lead can't be merged into itself: choose the other lead, the duplicate.");
        }

        if (IsMerged)
        {
            return Refuse($"is itself merged into another lead (lead {MergedIntoId}); merge into that lead instead");
        }

        if (duplicate.IsMerged)
        {
            return duplicate.Refuse($"is already merged into another lead (lead {duplicate.MergedIntoId}); a lead is merged only once");
        }

        if (duplicate.HandedOffAt is { } handedOff)
        {
            var when = handedOff.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            return HandedOffAt is null
                ? duplicate.Refuse($"was handed off to sales on {when} and has SLA clocks; merged away, they would count twice in the reports or vanish from them. "
                    + $"Open {duplicate.DisplayName} and merge {DisplayName} into {duplicate.DisplayName} instead")
                : Result.Conflict($"Both leads were handed off to sales and have SLA clocks ({DisplayName} and {duplicate.DisplayName}, the latter on {when}); "
                    + "merging either away would count its clocks twice in the reports or lose them, so they stay two leads.");
        }

        return Result.Success();
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/> into this lead: this lead takes the named details from it and keeps the rest of
    /// its own; the duplicate stays stored, marked as merged into this one. Both histories are kept as they are, and each
    /// lead records the merge (who, when, which details were taken).
    /// </summary>
    public Result Absorb(Lead duplicate, IEnumerable<MergeField> takeFromDuplicate, Actor by, DateTimeOffset now, int? slaVersion)
    {
        if (CheckMerge(duplicate) is { Succeeded: false } refused)
        {
            return refused;
        }

        var taken = takeFromDuplicate.Distinct().Order().ToList();
        var changes = taken.Where(f => LeadMergeFields.Differ(this, duplicate, f))
            .Select(f => $"{LeadMergeFields.Label(f).ToLowerInvariant()}: {LeadMergeFields.Display(LeadMergeFields.ValueOf(this, f))} -> {LeadMergeFields.Display(LeadMergeFields.ValueOf(duplicate, f))}")
            .ToList();
        foreach (var field in taken)
        {
            LeadMergeFields.Copy(duplicate, this, field);
        }

        Record(LeadEventType.Merged, Stage, Stage, by, now, slaVersion, note: $"Merged in the duplicate {Describe(duplicate)}. "
            + (changes.Count == 0 ? "This lead kept all of its own details." : $"Taken from the duplicate: {string.Join("; ", changes)}."));
        duplicate.MergedIntoId = Id;
        duplicate.Move(LeadEventType.Merged, LeadStage.Merged, by, now, slaVersion).Note = $"Merged into {Describe(this)}; "
            + (taken.Count == 0 ? "none of its details were taken." : $"taken from this lead: {string.Join(", ", taken.Select(LeadMergeFields.Label))}.");
        return Result.Success();
    }

    private string DisplayName => Name.Length > 0 ? Name : Email;

    private static string Describe(Lead lead) => $"{lead.DisplayName} ({lead.Email}, lead {lead.Id})";

    public LeadEvent RecordCreated(Actor? by, DateTimeOffset now, int? slaVersion) =>
        Record(LeadEventType.Created, null, Stage, by, now, slaVersion);

    public LeadEvent RecordUpdated(Actor? by, DateTimeOffset now, int? slaVersion, LeadStage before, string what) =>
        Record(LeadEventType.Updated, before, Stage, by, now, slaVersion, note: what);

    private Result? RefuseUnlessOwner(Actor rep, string verb) =>
        OwnerId is null
            ? Refuse($"has no owner yet; claim it before you {verb} it")
            : OwnerId != rep.Id
                ? Result.Forbidden($"{Name} belongs to {OwnerEmail}; only the owner can {verb} it.")
                : null;

    private static Result? RefuseReason(string? reason, IReadOnlyList<string> allowed, string field, string kind)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Result.Invalid(field, $"Choose a {kind} reason from the agreement's list.");
        }

        return allowed.Contains(reason.Trim(), StringComparer.OrdinalIgnoreCase)
            ? null
            : Result.Invalid(field, $"'{reason.Trim()}' is not one of the agreement's {kind} reasons: {string.Join(", ", allowed)}.");
    }

    private static string Canonical(string reason, IReadOnlyList<string> allowed) =>
        allowed.First(r => string.Equals(r, reason.Trim(), StringComparison.OrdinalIgnoreCase));

    private Result Refuse(string why) => Result.Conflict($"{(Name.Length > 0 ? Name : "This lead")} {why}.");

    private void SetOwner(Actor rep)
    {
        OwnerId = rep.Id;
        OwnerEmail = rep.Email;
    }

    private LeadEvent Move(LeadEventType type, LeadStage to, Actor? by, DateTimeOffset now, int? slaVersion, string? reason = null)
    {
        var from = Stage;
        Stage = to;
        return Record(type, from, to, by, now, slaVersion, reason);
    }

    private LeadEvent Record(LeadEventType type, LeadStage? from, LeadStage? to, Actor? by, DateTimeOffset now, int? slaVersion, string? reason = null, string? note = null)
    {
        var @event = new LeadEvent
        {
            LeadId = Id,
            Type = type,
            At = now,
            ActorId = by?.Id,
            ActorEmail = by?.Email ?? "system",
            FromStage = from,
            ToStage = to,
            Reason = reason,
            Note = note,
            OwnerEmail = OwnerEmail,
            SlaVersion = slaVersion,
        };
        Events.Add(@event);
        return @event;
    }
}
