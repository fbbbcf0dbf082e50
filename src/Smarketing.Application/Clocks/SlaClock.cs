using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Clocks;

/// <summary>
/// A timer as a person reads it: with the line that explains its due time, how long a business day is under its
/// calendar, and, when the lead moved on before the promise was kept, what ended it.
/// </summary>
public sealed record TimerView(
    SlaTimer Timer, string DueExplanation, long BusinessMinutesSoFar, BusinessClock Clock, int MinutesPerBusinessDay = 480, TimerEnding? EndedUnkept = null);

/// <summary>The lead event that ended a promise unkept (see SlaTimekeeper.EndedUnkept), and the business time from hand-off to it.</summary>
public sealed record TimerEnding(LeadEventType Event, long BusinessMinutesAfterHandOff);

public sealed record WatchItem(SlaTimer Timer, string LeadName, string Company, string? OwnerEmail, Domain.Leads.LeadStage Stage);

/// <summary>Wakes the monitor when timers change, so it never waits for a poll.</summary>
public sealed class SlaMonitorSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled: one wake is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}

/// <summary>Keeps each lead's stored timers in step with its history, and reads them for people.</summary>
public sealed class SlaClock(IAppDbContextFactory dbFactory, AgreementService agreements, TimeProvider clock, SlaMonitorSignal signal)
{
    /// <summary>
    /// Brings the lead's timers up to date in <paramref name="db"/> (saved with the lead's own change, in one go).
    /// New hand-offs add timers; stopped timers are history and never change again.
    /// </summary>
    public async Task SyncAsync(IAppDbContext db, Lead lead, CancellationToken ct = default)
    {
        var saved = await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == lead.Id).ToListAsync(ct);
        var history = saved.Concat(lead.Events.Where(e => e.Id == 0)).ToList();
        if (history.All(e => e.Type != LeadEventType.HandedOff))
        {
            return;
        }

        var versions = new Dictionary<int, Domain.Agreements.AgreementContent>();
        foreach (var number in history.Where(e => e.Type == LeadEventType.HandedOff).Select(e => e.SlaVersion ?? 1).Distinct())
        {
            versions[number] = await agreements.GetAdoptedContentAsync(number, ct);
        }

        var now = clock.GetUtcNow();
        var computed = SlaTimekeeper.Compute(lead, history, n => versions[n], now);
        var stored = await db.SlaTimers.Where(t => t.LeadId == lead.Id).ToListAsync(ct);
        foreach (var timer in computed)
        {
            var existing = stored.SingleOrDefault(t => t.Cycle == timer.Cycle && t.Kind == timer.Kind);
            if (existing is null)
            {
                db.SlaTimers.Add(timer);
            }
            else if (!existing.IsStopped)
            {
                existing.AttemptsMade = timer.AttemptsMade;
                existing.StoppedAt = timer.StoppedAt;
                existing.BusinessMinutesElapsed = timer.BusinessMinutesElapsed;
                existing.OwnerId = timer.OwnerId;
                existing.Status = SlaTimekeeper.StatusAt(existing, now);
            }
        }

        // Stopped timers keep their history, but the reports read the lead's owner, segment and outcome from them.
        foreach (var existing in stored)
        {
            existing.ReflectLead(lead);
        }

        signal.Wake();
    }

    /// <summary>After an edit that changes no history (grade, persona): the lead's timers take its new report facts, in the same save.</summary>
    public async Task ReflectLeadAsync(IAppDbContext db, Lead lead, CancellationToken ct = default)
    {
        foreach (var timer in await db.SlaTimers.Where(t => t.LeadId == lead.Id).ToListAsync(ct))
        {
            timer.ReflectLead(lead);
        }
    }

    /// <summary>The same for many leads changed in one save, with one query for all their timers.</summary>
    public async Task ReflectLeadsAsync(IAppDbContext db, IReadOnlyCollection<Lead> leads, CancellationToken ct = default)
    {
        if (leads.Count == 0)
        {
            return;
        }

        var byId = leads.ToDictionary(l => l.Id);
        var ids = byId.Keys.ToList();
        foreach (var timer in await db.SlaTimers.Where(t => ids.Contains(t.LeadId)).ToListAsync(ct))
        {
            timer.ReflectLead(byId[timer.LeadId]);
        }
    }

    public async Task<IReadOnlyList<TimerView>> ForLeadAsync(Guid leadId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var timers = await db.SlaTimers.AsNoTracking().Where(t => t.LeadId == leadId).ToListAsync(ct);
        var history = timers.Count == 0 ? [] : await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == leadId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var views = new List<TimerView>();
        foreach (var timer in timers.OrderByDescending(t => t.Cycle).ThenBy(t => t.Kind))
        {
            var content = await agreements.GetAdoptedContentAsync(timer.SlaVersion, ct);
            var businessClock = new BusinessClock(content.Calendar);
            timer.Status = SlaTimekeeper.StatusAt(timer, now);
            var soFar = timer.BusinessMinutesElapsed ?? businessClock.BusinessMinutesBetween(timer.StartedAt, now);
            var ending = SlaTimekeeper.EndedUnkept(timer, history) is { } left
                ? new TimerEnding(left.Type, businessClock.BusinessMinutesBetween(timer.StartedAt, left.At))
                : null;
            views.Add(new TimerView(timer, Explain(timer, businessClock), soFar, businessClock, content.Calendar.MinutesPerBusinessDay, ending));
        }

        return views;
    }

    /// <summary>Running timers at risk or past due, most overdue first: the sales manager's watch list.</summary>
    public async Task<IReadOnlyList<WatchItem>> WatchListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var rows = await (
            from t in db.SlaTimers.AsNoTracking()
            join l in db.Leads.AsNoTracking() on t.LeadId equals l.Id
            where t.StoppedAt == null && t.AtRiskAt <= now
            orderby t.DueAt
            select new { Timer = t, l.FirstName, l.LastName, l.Company, l.OwnerEmail, l.Stage }).Take(500).ToListAsync(ct);
        return rows.Select(r =>
        {
            r.Timer.Status = SlaTimekeeper.StatusAt(r.Timer, now);
            return new WatchItem(r.Timer, $"{r.FirstName} {r.LastName}".Trim(), r.Company, r.OwnerEmail, r.Stage);
        }).ToList();
    }

    /// <summary>For each lead, its most urgent running timer (the one due first), for queues.</summary>
    public async Task<IReadOnlyDictionary<Guid, SlaTimer>> NextDueAsync(IReadOnlyCollection<Guid> leadIds, CancellationToken ct = default)
    {
        if (leadIds.Count == 0)
        {
            return new Dictionary<Guid, SlaTimer>();
        }

        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var running = await db.SlaTimers.AsNoTracking().Where(t => leadIds.Contains(t.LeadId) && t.StoppedAt == null).ToListAsync(ct);
        return running.GroupBy(t => t.LeadId).ToDictionary(g => g.Key, g =>
        {
            var next = g.OrderBy(t => t.DueAt).First();
            next.Status = SlaTimekeeper.StatusAt(next, now);
            return next;
        });
    }

    /// <summary>
    /// "Due Mon 30 Nov 10:30 (America/New_York): 4 business hours after hand-off, weekend and holiday Thu 26 Nov skipped.";
    /// "Was due ..." once the timer is breached (<paramref name="status"/>, or the timer's stored status when left out).
    /// </summary>
    public static string Explain(SlaTimer timer, BusinessClock businessClock, TimerStatus? status = null)
    {
        var local = TimeZoneInfo.ConvertTime(timer.DueAt, businessClock.Zone);
        var skipped = businessClock.SkippedDays(timer.StartedAt, timer.DueAt);
        var closed = skipped.Where(s => s.Reason == SkipReason.Closed).ToList();
        var holidays = skipped.Where(s => s.Reason == SkipReason.Holiday).Select(s => s.Date.ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var parts = new List<string>();
        if (closed.Count > 0)
        {
            parts.Add(closed.All(s => s.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) ? "weekend" : "closed days");
        }

        if (holidays.Count > 0)
        {
            parts.Add($"holiday {string.Join(", ", holidays)}");
        }

        var budget = timer.BudgetBusinessMinutes % 60 == 0 ? $"{timer.BudgetBusinessMinutes / 60} business hours" : $"{timer.BudgetBusinessMinutes} business minutes";
        // Invariant, like the holiday dates: the line reads the same on a server with any culture.
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{((status ?? timer.Status) == TimerStatus.Breached ? "Was due" : "Due")} {local:ddd d MMM HH:mm} ({businessClock.Zone.Id}): {budget} after hand-off") +
               (parts.Count == 0 ? "." : $", {string.Join(" and ", parts)} skipped.");
    }
}
