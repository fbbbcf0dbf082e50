using Smarketing.Application.Leads;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Imports;

/// <summary>An adopted agreement version: its number, when it took effect and what it says.</summary>
public sealed record AdoptedVersion(int Number, DateTimeOffset EffectiveAt, AgreementContent Content);

/// <summary>
/// Lives one row's history through the lead's own state machine, at the row's own times, as if people had worked it
/// then: each step under the agreement version in force at its moment (the first version before any took effect),
/// marketing's steps by the importing admin and sales' steps by the owner. The timers come from
/// <see cref="SlaTimekeeper"/> over the events, so they are what live work would have left.
/// </summary>
public sealed class HistoryReplay(IReadOnlyList<AdoptedVersion> versions, Actor admin, DateTimeOffset now)
{
    /// <summary>What a lost opportunity records: the history file has no column for a lost reason.</summary>
    public const string LostReasonNotRecorded = "Not in the imported history";

    private const string Imported = "Imported history";

    private readonly Dictionary<int, AgreementContent> _contents = versions.ToDictionary(v => v.Number, v => v.Content);

    public AdoptedVersion At(DateTimeOffset moment) =>
        VersionTimeline.InForceAt(versions, moment, v => v.EffectiveAt, v => v.Number)
        ?? throw new InvalidOperationException("No adopted agreement version.");

    /// <summary>The lead with its events and timers, or the domain's reason the story can't have happened.</summary>
    public (Lead? Lead, IReadOnlyList<SlaTimer> Timers, string? Refusal) Replay(HistoryRow row, Actor? owner)
    {
        var lead = new Lead { CreatedAt = row.CreatedAt, CreatedBy = admin.Email };
        LeadService.Apply(row.Lead, lead);
        var atCreation = At(row.CreatedAt);
        var verdict = LeadService.Qualify(lead, atCreation.Content, atCreation.Number);

        foreach (var step in Steps(row, lead, owner, verdict.IsMql).OrderBy(s => s.At).ThenBy(s => s.Order))
        {
            if (step.Act(At(step.At)) is { Succeeded: false } refused)
            {
                var reason = refused.Errors.Count > 0 ? string.Join(" ", refused.Errors.SelectMany(e => e.Value)) : refused.Message;
                return (null, [], $"{step.Column}: {reason}");
            }
        }

        if (row.HandedOffAt is null)
        {
            return (lead, [], null);
        }

        var timers = SlaTimekeeper.Compute(lead, lead.Events, n => _contents[n], now);
        foreach (var timer in timers.Where(t => !t.IsStopped))
        {
            // The past is already told: only what turns at risk or falls due from now on raises a notification.
            timer.AtRiskNotifiedAt = timer.AtRiskAt <= now ? now : null;
            timer.BreachNotifiedAt = timer.DueAt <= now ? now : null;
        }

        return (lead, timers, null);
    }

    private sealed record Step(DateTimeOffset At, int Order, string Column, Func<AdoptedVersion, Result> Act);

    private IEnumerable<Step> Steps(HistoryRow row, Lead lead, Actor? owner, bool isMql)
    {
        yield return new Step(row.CreatedAt, 0, HistoryColumns.CreatedAt, v =>
        {
            var qualified = lead.Stage;
            if (row.MqlAt is not null)
            {
                lead.Stage = LeadStage.New;
            }

            lead.RecordCreated(admin, row.CreatedAt, v.Number).Note = $"{Imported}, by {admin.Email}.";
            lead.Stage = qualified;
            return Result.Success();
        });

        if (row.MqlAt is { } mql)
        {
            yield return new Step(mql, 1, HistoryColumns.MqlAt, v =>
            {
                lead.RecordUpdated(admin, mql, v.Number, LeadStage.New, isMql
                    ? $"{Imported}: became an MQL."
                    : $"{Imported}: an MQL in the source, though under the agreement it is not one.");
                return Result.Success();
            });
        }

        if (row.HandedOffAt is not { } handedOff)
        {
            yield break;
        }

        yield return new Step(handedOff, 2, HistoryColumns.HandedOffAt, v =>
            lead.HandOff(admin, handedOff, v.Number, isMql ? null : $"{Imported}: handed off in the source"));
        if (owner is null)
        {
            yield break;
        }

        yield return new Step(handedOff, 3, HistoryColumns.OwnerEmail, v =>
            v.Content.ResponseRules.Assignment == AssignmentMode.RoundRobin
                ? lead.Assign(owner, $"{Imported}: the owner the file names.", admin, handedOff, v.Number)
                : lead.Claim(owner, handedOff, v.Number));

        foreach (var step in RepSteps(row, lead, owner))
        {
            yield return step;
        }
    }

    private static IEnumerable<Step> RepSteps(HistoryRow row, Lead lead, Actor owner)
    {
        if (row.FirstContactAt is { } contact)
        {
            yield return new Step(contact, 4, HistoryColumns.FirstContactAt, v =>
                lead.LogContact(owner, contact, ContactChannel.Other, ContactOutcome.Connected,
                    $"{Imported}: the first contact (the file has no channel or outcome).", contact, v.Number, LocalTime.Zone(v.Content.Calendar.TimeZone)));
        }

        if (row.AcceptedAt is { } accepted)
        {
            yield return new Step(accepted, 5, HistoryColumns.AcceptedAt, v => lead.Accept(owner, accepted, v.Number));
        }

        if (row.RejectedAt is { } rejected)
        {
            yield return new Step(rejected, 5, HistoryColumns.RejectionReason, v =>
                lead.Reject(owner, row.RejectionReason, v.Content.Reasons.RejectionReasons, rejected, v.Number));
        }

        if ((row.WonAt ?? row.LostAt) is { } closed)
        {
            // The file has no time the lead became an opportunity: it became one when it closed, at the latest.
            yield return new Step(closed, 6, row.WonAt is null ? HistoryColumns.LostAt : HistoryColumns.WonAt, v => lead.Convert(owner, closed, v.Number));
            yield return new Step(closed, 7, row.WonAt is null ? HistoryColumns.LostAt : HistoryColumns.WonAt, v => row.WonAt is null
                ? lead.MarkLost(owner, LostReasonNotRecorded, [LostReasonNotRecorded], closed, v.Number)
                : lead.MarkWon(owner, row.Amount!.Value, closed, v.Number));
        }
    }
}
