using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Notifications;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Clocks;

/// <summary>
/// The SLA monitor over the real app and database, driven minute by minute with a fixed clock. Every lead here is an
/// A-lead handed off on a Monday at 10:00 New York time: at risk at 13:00 (3 of its 4 business hours), due at 14:00.
/// </summary>
public sealed class SlaMonitorTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    [Fact]
    public async Task AClaimedLead_TurnsAtRiskAtExactlyItsMinute_AndOnlyItsOwnerIsWarned_Once()
    {
        await app.StartQuietMondayAsync();
        var handedOffAt = app.Now;
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);
        firstContact.AtRiskAt.ShouldBe(handedOffAt.AddHours(3));
        firstContact.DueAt.ShouldBe(handedOffAt.AddHours(4));
        (await app.NextWakeAsync()).ShouldBe(firstContact.AtRiskAt);

        app.MoveTo(firstContact.AtRiskAt.AddMinutes(-1));
        (await app.ProcessAsync()).ShouldBe(0);
        (await app.TimerAsync(lead, TimerKind.FirstContact)).AtRiskNotifiedAt.ShouldBeNull();
        (await app.NotificationsAboutAsync(lead)).ShouldBeEmpty();

        app.MoveTo(firstContact.AtRiskAt);
        (await app.ProcessAsync()).ShouldBe(1);
        var atRisk = await app.TimerAsync(lead, TimerKind.FirstContact);
        atRisk.Status.ShouldBe(TimerStatus.AtRisk);
        atRisk.AtRiskNotifiedAt.ShouldBe(firstContact.AtRiskAt);
        var warning = (await app.NotificationsAboutAsync(lead)).ShouldHaveSingleItem();
        warning.To.ShouldBe(Demo.Rep1);
        warning.Notification.Kind.ShouldBe(NotificationKind.AtRisk);
        warning.Notification.Title.ShouldBe("At risk: Ada Lovelace (Analytical Engines)");
        // The name is an isolate: an override typed into it could not reorder "is due ...".
        warning.Notification.Body.ShouldStartWith("First contact for \u2068Ada Lovelace (Analytical Engines)\u2069 is due");

        (await app.ProcessAsync()).ShouldBe(0);
        (await app.NotificationsAboutAsync(lead)).Count.ShouldBe(1);
        (await app.NextWakeAsync()).ShouldBe(firstContact.DueAt);
    }

    [Fact]
    public async Task AtTheDueMinute_TheLeadIsBreached_AndTheOwnerAndTheSalesManagerAreEachToldOnce()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);
        app.MoveTo(firstContact.AtRiskAt);
        (await app.ProcessAsync()).ShouldBe(1);

        app.MoveTo(firstContact.DueAt.AddMinutes(-1));
        (await app.ProcessAsync()).ShouldBe(0);
        (await app.TimerAsync(lead, TimerKind.FirstContact)).Status.ShouldBe(TimerStatus.AtRisk);

        app.MoveTo(firstContact.DueAt);
        (await app.ProcessAsync()).ShouldBe(1);
        (await app.ProcessAsync()).ShouldBe(0);

        var breached = await app.TimerAsync(lead, TimerKind.FirstContact);
        breached.Status.ShouldBe(TimerStatus.Breached);
        breached.BreachNotifiedAt.ShouldBe(firstContact.DueAt);
        var told = (await app.NotificationsAboutAsync(lead)).Select(n => (n.To, n.Notification.Kind)).ToList();
        told.ShouldBe(
        [
            (Demo.Rep1, NotificationKind.AtRisk),
            (Demo.Rep1, NotificationKind.Breached),
            (SlaAppFactory.SalesManager, NotificationKind.Escalation),
        ], ignoreOrder: true);

        // Next the decision timer: at risk after 1.5 of its 2 business days, on Tuesday at 14:00.
        var decision = await app.TimerAsync(lead, TimerKind.Decision);
        decision.AtRiskAt.ShouldBe(firstContact.StartedAt.AddDays(1).AddHours(4));
        (await app.NextWakeAsync()).ShouldBe(decision.AtRiskAt);
    }

    [Fact]
    public async Task ALeadNobodyHasClaimed_WarnsTheSalesManagersWhenItTurnsAtRisk()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);

        app.MoveTo(firstContact.AtRiskAt);
        (await app.ProcessAsync()).ShouldBe(1);

        var warning = (await app.NotificationsAboutAsync(lead)).ShouldHaveSingleItem();
        warning.To.ShouldBe(SlaAppFactory.SalesManager);
        warning.Notification.Kind.ShouldBe(NotificationKind.AtRisk);
        warning.Notification.Title.ShouldBe("Unclaimed lead at risk: Ada Lovelace (Analytical Engines)");
    }

    [Fact]
    public async Task AfterARestartLongPastDue_EachOverduePromiseIsBreachedAtItsTrueDueTime_AndReportedOncePerPerson()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);
        var decision = await app.TimerAsync(lead, TimerKind.Decision);

        // Nothing ran for a week: both the first contact (Mon 14:00) and the decision (Wed 10:00) fell due meanwhile.
        app.MoveTo(app.NextMondayAt(10));
        var restartedAt = app.Now;
        (await app.ProcessAsync()).ShouldBe(2);
        (await app.ProcessAsync()).ShouldBe(0);

        foreach (var (before, kind) in new[] { (firstContact, TimerKind.FirstContact), (decision, TimerKind.Decision) })
        {
            var after = await app.TimerAsync(lead, kind);
            after.Status.ShouldBe(TimerStatus.Breached);
            after.DueAt.ShouldBe(before.DueAt);
            after.BreachNotifiedAt.ShouldBe(restartedAt);
        }

        (await app.TimerAsync(lead, TimerKind.FollowUp)).BreachNotifiedAt.ShouldBeNull();
        var told = (await app.NotificationsAboutAsync(lead))
            .Select(n => (n.To, n.Notification.Kind, What: n.Notification.Body.Split(" for ")[0])).ToList();
        told.ShouldBe(
        [
            (Demo.Rep1, NotificationKind.Breached, "First contact"),
            (SlaAppFactory.SalesManager, NotificationKind.Escalation, "First contact"),
            (Demo.Rep1, NotificationKind.Breached, "Accept or reject"),
            (SlaAppFactory.SalesManager, NotificationKind.Escalation, "Accept or reject"),
        ], ignoreOrder: true);
    }

    [Fact]
    public async Task TwoMonitorsRunningAtOnce_SendEachWarningAndEachBreachExactlyOnce()
    {
        await app.StartQuietMondayAsync();
        var leads = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            // Earlier leads' decision timers would turn at risk meanwhile: only this lead's first contact counts here.
            await app.QuietEveryRunningClockAsync();
            var lead = await app.HandOffFreshLeadAsync($"Lovelace {i}");
            await app.ClaimAsync(lead);
            leads.Add(lead);
            var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);

            foreach (var moment in new[] { firstContact.AtRiskAt, firstContact.DueAt })
            {
                app.MoveTo(moment);
                var changed = await Task.WhenAll(Task.Run(app.ProcessAsync), Task.Run(app.ProcessAsync));
                changed.Sum().ShouldBe(1, $"lead {i} at {moment:u}: exactly one monitor makes the change");
            }
        }

        foreach (var lead in leads)
        {
            var told = (await app.NotificationsAboutAsync(lead)).Select(n => (n.To, n.Notification.Kind)).ToList();
            told.ShouldBe(
            [
                (Demo.Rep1, NotificationKind.AtRisk),
                (Demo.Rep1, NotificationKind.Breached),
                (SlaAppFactory.SalesManager, NotificationKind.Escalation),
            ], ignoreOrder: true);
        }
    }

    [Fact]
    public async Task AContactBeforeDue_StopsTheFirstContactAsMet_AndNoWarningOrBreachIsEverSentForIt()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var handedOffAt = app.Now;

        app.MoveTo(handedOffAt.AddHours(1));
        await app.LogContactAsync(lead);

        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);
        firstContact.StoppedAt.ShouldBe(handedOffAt.AddHours(1));
        firstContact.BusinessMinutesElapsed.ShouldBe(60);
        firstContact.Status.ShouldBe(TimerStatus.Met);

        foreach (var moment in new[] { firstContact.AtRiskAt, firstContact.DueAt, firstContact.DueAt.AddHours(1) })
        {
            app.MoveTo(moment);
            (await app.ProcessAsync()).ShouldBe(0);
        }

        (await app.NotificationsAboutAsync(lead)).ShouldBeEmpty();
        var after = await app.TimerAsync(lead, TimerKind.FirstContact);
        (after.Status, after.StoppedAt, after.AtRiskNotifiedAt, after.BreachNotifiedAt)
            .ShouldBe((TimerStatus.Met, firstContact.StoppedAt, (DateTimeOffset?)null, (DateTimeOffset?)null));
    }

    [Fact]
    public async Task RejectingALead_TellsMarketingAtOnce_WithTheReason()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);

        await using (var rep1 = await app.SignedInAsAsync(Demo.Rep1))
        {
            var rejected = await rep1.ServiceProvider.GetRequiredService<LeadService>()
                .RejectAsync(lead, new ReasonRequest { Reason = "duplicate" }, TestContext.Current.CancellationToken);
            rejected.Succeeded.ShouldBeTrue(rejected.Message);
        }

        var told = (await app.NotificationsAboutAsync(lead)).ShouldHaveSingleItem();
        told.To.ShouldBe(SlaAppFactory.Marketing);
        told.Notification.Kind.ShouldBe(NotificationKind.Rejected);
        told.Notification.Title.ShouldBe("Returned by sales: Ada Lovelace");
        told.Notification.Body.ShouldBe("rep1@demo.test rejected \u2068Ada Lovelace\u2069 (\u2068Analytical Engines\u2069): \u2068Duplicate\u2069.");
        told.Notification.CreatedAt.ShouldBe(app.Now);
    }

    [Fact]
    public async Task ALeadRejectedBeforeAnyContact_IsStillJudgedBreached_ButNobodyInSalesIsWarnedOrEscalated()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        await using (var rep1 = await app.SignedInAsAsync(Demo.Rep1))
        {
            var rejected = await rep1.ServiceProvider.GetRequiredService<LeadService>()
                .RejectAsync(lead, new ReasonRequest { Reason = "duplicate" }, TestContext.Current.CancellationToken);
            rejected.Succeeded.ShouldBeTrue(rejected.Message);
        }

        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);
        app.MoveTo(firstContact.AtRiskAt);
        (await app.ProcessAsync()).ShouldBe(1);
        app.MoveTo(firstContact.DueAt);
        (await app.ProcessAsync()).ShouldBe(1);

        (await app.TimerAsync(lead, TimerKind.FirstContact)).Status.ShouldBe(TimerStatus.Breached, "the promise of a first contact was not kept");
        (await app.NotificationsAboutAsync(lead)).Select(n => n.Notification.Kind).ShouldBe([NotificationKind.Rejected], "only marketing's notice of the rejection");
    }

    [Fact]
    public async Task AWarning_GivesTheDueTimeOnTheAgreementsCalendar_NotInUtc()
    {
        await app.StartQuietMondayAsync();
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        var firstContact = await app.TimerAsync(lead, TimerKind.FirstContact);

        app.MoveTo(firstContact.AtRiskAt);
        await app.ProcessAsync();

        var due = TimeZoneInfo.ConvertTime(firstContact.DueAt, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        due.Hour.ShouldBe(14, "handed off at 10:00, due four business hours later");
        var warning = (await app.NotificationsAboutAsync(lead)).ShouldHaveSingleItem();
        warning.Notification.Body.ShouldContain($"is due Mon {due:d MMM yyyy} 14:00 (America/New_York).");
    }
}

