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
    public async Task ContactsAndClaims_FallInsideWorkingHours()
    {
        await using var db = app.OpenDatabase();
        var clock = new BusinessClock(DemoAgreement.Version1().Calendar);
        var worked = await db.LeadEvents.AsNoTracking()
            .Where(e => e.Type == LeadEventType.ContactAttempt || e.Type == LeadEventType.Claimed || e.Type == LeadEventType.HandedOff)
            .Select(e => e.At)
            .ToListAsync(Ct);

        worked.Count.ShouldBeGreaterThan(200);
        var inHours = worked.Count(at => clock.NextWorkingMoment(at) == at);
        ((double)inHours / worked.Count).ShouldBeGreaterThan(0.95, $"{worked.Count - inHours} of {worked.Count} hand-offs, claims and contacts happen outside working hours");
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
