using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Application.Notifications;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Domain.Notifications;

namespace Smarketing.Application.Clocks;

/// <summary>
/// Marks timers at risk and breached at their minute and tells people once. Each change is an atomic conditional
/// update (only if nobody made it yet), so several app instances can run the monitor and each warning still happens
/// once. Timers that fell due while nothing ran are marked breached as of their true due time.
/// </summary>
public sealed class SlaMonitor(IAppDbContextFactory dbFactory, NotificationCenter notifications, AgreementService agreements, TimeProvider clock)
{
    /// <summary>Handles everything due by now; returns how many timers changed.</summary>
    public async Task<int> ProcessAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var changed = 0;

        var atRisk = await db.SlaTimers.AsNoTracking()
            .Where(t => t.StoppedAt == null && t.AtRiskNotifiedAt == null && t.AtRiskAt <= now && t.DueAt > now)
            .ToListAsync(ct);
        foreach (var timer in atRisk)
        {
            var won = await db.SlaTimers
                .Where(t => t.Id == timer.Id && t.StoppedAt == null && t.AtRiskNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.AtRiskNotifiedAt, now).SetProperty(t => t.Status, TimerStatus.AtRisk), ct);
            if (won == 1)
            {
                changed++;
                var (name, withSales) = await LeadAsync(db, timer, ct);
                if (!withSales)
                {
                    continue;
                }

                var body = $"{SlaTimekeeper.KindLabel(timer.Kind)} for {UserText.Isolate(name)} is due {await LocalAsync(timer, ct)}. {timer.Clause}.";
                if (timer.OwnerId is { } owner)
                {
                    await notifications.SendAsync([owner], NotificationKind.AtRisk, $"At risk: {name}", body, timer.LeadId, ct);
                }
                else
                {
                    await notifications.SendToRoleAsync(Roles.SalesManager, NotificationKind.AtRisk, $"Unclaimed lead at risk: {name}", body, timer.LeadId, ct);
                }
            }
        }

        var breached = await db.SlaTimers.AsNoTracking()
            .Where(t => t.StoppedAt == null && t.BreachNotifiedAt == null && t.DueAt <= now)
            .ToListAsync(ct);
        foreach (var timer in breached)
        {
            var won = await db.SlaTimers
                .Where(t => t.Id == timer.Id && t.StoppedAt == null && t.BreachNotifiedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.BreachNotifiedAt, now).SetProperty(t => t.Status, TimerStatus.Breached), ct);
            if (won == 1)
            {
                changed++;
                var (name, withSales) = await LeadAsync(db, timer, ct);
                if (!withSales)
                {
                    continue;
                }

                var body = $"{SlaTimekeeper.KindLabel(timer.Kind)} for {UserText.Isolate(name)} was due {await LocalAsync(timer, ct)} and has not happened. {timer.Clause}.";
                if (timer.OwnerId is { } owner)
                {
                    await notifications.SendAsync([owner], NotificationKind.Breached, $"Breached: {name}", body, timer.LeadId, ct);
                }

                await notifications.SendToRoleAsync(Roles.SalesManager, NotificationKind.Escalation, $"SLA breach: {name}", body, timer.LeadId, ct);
            }
        }

        return changed;
    }

    /// <summary>The next moment a timer turns at risk or falls due; null when nothing runs.</summary>
    public async Task<DateTimeOffset?> NextWakeAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateAsync(ct);
        var nextRisk = await db.SlaTimers.AsNoTracking()
            .Where(t => t.StoppedAt == null && t.AtRiskNotifiedAt == null && t.AtRiskAt > now)
            .OrderBy(t => t.AtRiskAt).Select(t => (DateTimeOffset?)t.AtRiskAt).FirstOrDefaultAsync(ct);
        var nextDue = await db.SlaTimers.AsNoTracking()
            .Where(t => t.StoppedAt == null && t.BreachNotifiedAt == null && t.DueAt > now)
            .OrderBy(t => t.DueAt).Select(t => (DateTimeOffset?)t.DueAt).FirstOrDefaultAsync(ct);
        return (nextRisk, nextDue) switch
        {
            (null, null) => null,
            ({ } r, null) => r,
            (null, { } d) => d,
            ({ } r, { } d) => r < d ? r : d,
        };
    }

    // A timer still turns at risk or breached for the reports once the lead has left sales' hands (rejected back to
    // marketing, won or lost), but nobody is warned or escalated about a lead sales no longer holds.
    private static async Task<(string Name, bool WithSales)> LeadAsync(IAppDbContext db, SlaTimer timer, CancellationToken ct)
    {
        var lead = await db.Leads.AsNoTracking().Where(l => l.Id == timer.LeadId)
            .Select(l => new { Name = (l.FirstName + " " + l.LastName + " (" + l.Company + ")").Trim(), l.Stage })
            .SingleOrDefaultAsync(ct);
        return lead is null
            ? ("a lead", false)
            : (lead.Name, LeadStages.IsHeldBySales(lead.Stage));
    }

    /// <summary>The due time as people on the agreement's calendar read it, e.g. "Mon 14 Sep 2026 14:00 (America/New_York)".</summary>
    private async Task<string> LocalAsync(SlaTimer timer, CancellationToken ct)
    {
        var zoneId = (await agreements.GetAdoptedContentAsync(timer.SlaVersion, ct)).Calendar.TimeZone;
        return LocalTime.Describe(timer.DueAt, LocalTime.Zone(zoneId));
    }
}
