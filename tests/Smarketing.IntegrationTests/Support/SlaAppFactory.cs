using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Smarketing.Application.Agreements;
using Smarketing.Application.Clocks;
using Smarketing.Application.Leads;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Notifications;

namespace Smarketing.IntegrationTests.Support;

/// <summary>
/// The real app on a clock that stands still until a test moves it, with the background monitor switched off
/// (<c>Sla:Monitor=false</c>) so tests run <see cref="SlaMonitor"/> themselves, at exactly the minute they choose.
/// The demo data is seeded relative to the fixed clock.
/// </summary>
public class SlaAppFactory : SmarketingAppFactory
{
    public const string Marketing = "marketing@demo.test";
    public const string SalesManager = "sales.manager@demo.test";

    private static readonly TimeZoneInfo _newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    // Monday 14 Sep 2026, 08:00 in New York: the demo agreement (version 1, from 1 Jul 2026) is in force.
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 9, 14, 8, 0, 0, TimeSpan.FromHours(-4)));

    public DateTimeOffset Now => Clock.GetUtcNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Sla:Monitor", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Moves the clock forward to <paramref name="instant"/>.</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        instant.ShouldBeGreaterThanOrEqualTo(Now, "the clock only moves forward");
        Clock.Advance(instant - Now);
    }

    /// <summary>New York wall-clock time on the first Monday after today.</summary>
    public DateTimeOffset NextMondayAt(int hour, int minute = 0)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, _newYork).DateTime);
        var days = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var monday = today.AddDays(days == 0 ? 7 : days);
        var wall = monday.ToDateTime(new TimeOnly(hour, minute));
        return new DateTimeOffset(wall, _newYork.GetUtcOffset(wall));
    }

    /// <summary>Moves to the next Monday at <paramref name="hour"/> New York time, with no other clock to watch.</summary>
    public async Task StartQuietMondayAsync(int hour = 10)
    {
        MoveTo(NextMondayAt(hour));
        await QuietEveryRunningClockAsync();
    }

    /// <summary>
    /// Treats every clock already running (the demo leads', earlier tests') as already told, so the monitor has
    /// nothing to do but what the test starts next.
    /// </summary>
    public async Task QuietEveryRunningClockAsync()
    {
        var now = Now;
        await using var db = OpenDatabase();
        await db.SlaTimers.Where(t => t.StoppedAt == null && t.AtRiskNotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AtRiskNotifiedAt, now));
        await db.SlaTimers.Where(t => t.StoppedAt == null && t.BreachNotifiedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.BreachNotifiedAt, now));
    }

    /// <summary>Marketing adds an A-lead (score 105 under the demo agreement) and hands it to sales now.</summary>
    public async Task<Guid> HandOffFreshLeadAsync(string lastName = "Lovelace")
    {
        await using var marketing = await SignedInAsAsync(Marketing);
        var leads = marketing.ServiceProvider.GetRequiredService<LeadService>();
        var created = await leads.CreateAsync(new CreateLeadRequest
        {
            Email = Demo.UniqueEmail("ada"), FirstName = "Ada", LastName = lastName, Company = "Analytical Engines",
            Title = "IT Director", CompanySize = 1200, Industry = "Software", Country = "US", Source = "Demo request",
            EngagementScore = 30,
        });
        created.Succeeded.ShouldBeTrue(created.Message);
        created.Value.Lead.Grade.ShouldBe("A");

        var handedOff = (await leads.HandOffAsync(new HandOffRequest { LeadIds = [created.Value.Lead.Id] })).Single();
        handedOff.Result.Succeeded.ShouldBeTrue(handedOff.Message);
        return created.Value.Lead.Id;
    }

    public async Task ClaimAsync(Guid leadId, string rep = Demo.Rep1)
    {
        await using var scope = await SignedInAsAsync(rep);
        var claimed = await scope.ServiceProvider.GetRequiredService<LeadService>().ClaimAsync(leadId);
        claimed.Succeeded.ShouldBeTrue(claimed.Message);
    }

    public async Task LogContactAsync(Guid leadId, string rep = Demo.Rep1)
    {
        await using var scope = await SignedInAsAsync(rep);
        var logged = await scope.ServiceProvider.GetRequiredService<LeadService>().LogContactAsync(leadId, new ContactRequest());
        logged.Succeeded.ShouldBeTrue(logged.Message);
    }

    /// <summary>One monitor pass, from its own scope, as the hosted service runs it.</summary>
    public async Task<int> ProcessAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaMonitor>().ProcessAsync();
    }

    public async Task<DateTimeOffset?> NextWakeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SlaMonitor>().NextWakeAsync();
    }

    public async Task<SlaTimer> TimerAsync(Guid leadId, TimerKind kind, int cycle = 1)
    {
        await using var db = OpenDatabase();
        return await db.SlaTimers.AsNoTracking().SingleAsync(t => t.LeadId == leadId && t.Kind == kind && t.Cycle == cycle);
    }

    /// <summary>Every notification about the lead, with the email of the person it went to.</summary>
    public async Task<List<(string To, Notification Notification)>> NotificationsAboutAsync(Guid leadId)
    {
        await using var db = OpenDatabase();
        var rows = await (
            from n in db.Notifications.AsNoTracking()
            join u in db.Users.AsNoTracking() on n.UserId equals u.Id
            where n.LeadId == leadId
            orderby n.Id
            select new { u.Email, Notification = n }).ToListAsync();
        return rows.Select(r => (r.Email!, r.Notification)).ToList();
    }

    /// <summary>
    /// Dates the demo's draft version 2 (A-leads: first contact within 2 business hours) to take effect on
    /// <paramref name="effectiveFrom"/>, and both managers sign it, so version 1 judges the hand-offs before that day.
    /// </summary>
    public async Task AdoptVersion2Async(DateOnly effectiveFrom)
    {
        await using (var marketing = await SignedInAsAsync(Marketing))
        {
            var agreements = marketing.ServiceProvider.GetRequiredService<AgreementService>();
            var draft = await agreements.GetDraftAsync() ?? throw new InvalidOperationException("No draft.");
            draft.Number.ShouldBe(2);
            var aLeads = draft.Content.ResponseRules.Rules.Single(r => r.Name == "A-leads").FirstContact;
            (aLeads.Value, aLeads.Unit).ShouldBe((2, DurationUnit.Hours));
            var dated = await agreements.SaveHeaderAsync(new DraftHeaderRequest
            {
                EffectiveFrom = effectiveFrom, Summary = draft.Summary, ExpectedContentRevision = draft.ContentRevision,
            });
            dated.Succeeded.ShouldBeTrue(dated.Message);
            var signed = await agreements.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = dated.Value.ContentRevision });
            signed.Succeeded.ShouldBeTrue(signed.Message);
        }

        await using var sales = await SignedInAsAsync(SalesManager);
        var service = sales.ServiceProvider.GetRequiredService<AgreementService>();
        var seen = (await service.GetDraftAsync())!;
        var adopted = await service.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = seen.ContentRevision });
        adopted.Succeeded.ShouldBeTrue(adopted.Message);
        adopted.Value.Status.ShouldNotBe(VersionStatus.Draft);
    }
}
