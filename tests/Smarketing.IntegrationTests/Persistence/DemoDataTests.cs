using Microsoft.EntityFrameworkCore;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>The demo's leads are worked as people work: in the calendar's working hours, in business time a person believes.</summary>
public sealed class DemoDataTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryStepAPersonTakes_FallsInsideWorkingHours()
    {
        await using var db = app.OpenDatabase();
        var clock = new BusinessClock(DemoAgreement.Version1().Calendar);
        LeadEventType[] worked =
        [
            LeadEventType.HandedOff, LeadEventType.Claimed, LeadEventType.ContactAttempt, LeadEventType.Accepted,
            LeadEventType.Rejected, LeadEventType.Converted, LeadEventType.Won, LeadEventType.Lost,
        ];
        var steps = await db.LeadEvents.AsNoTracking()
            .Where(e => worked.Contains(e.Type))
            .Select(e => new { e.Type, e.At })
            .ToListAsync(Ct);

        steps.Count.ShouldBeGreaterThan(200);
        // Inside working hours, or at the very end of a working range (the last minute counted was a working one).
        var outside = steps.Where(s => clock.NextWorkingMoment(s.At) != s.At && clock.BusinessMinutesBetween(s.At.AddMinutes(-1), s.At) != 1).ToList();
        outside.ShouldBeEmpty($"{outside.Count} of {steps.Count} steps happen outside working hours, e.g. {string.Join(", ", outside.Take(3).Select(s => $"{s.Type} at {s.At:u}"))}");
    }

    [Fact]
    public async Task TheMedianFirstContact_TakesBusinessTime_MostlyWithinTheDay()
    {
        await using var db = app.OpenDatabase();
        var minutes = (await db.SlaTimers.AsNoTracking()
                .Where(t => t.Kind == TimerKind.FirstContact && t.BusinessMinutesElapsed != null && t.AttemptsMade > 0)
                .Select(t => t.BusinessMinutesElapsed!.Value)
                .ToListAsync(Ct))
            .Order()
            .ToList();

        minutes.Count.ShouldBeGreaterThan(50);
        var median = minutes[(minutes.Count - 1) / 2];
        median.ShouldBeInRange(15, 4 * 60, "a rep calls back within a few business hours, not at 0 minutes in the night");
        minutes.Count(m => m > 8 * 60).ShouldBeGreaterThan(0, "some leads wait too long: that is what the scorecard is for");
    }
}
