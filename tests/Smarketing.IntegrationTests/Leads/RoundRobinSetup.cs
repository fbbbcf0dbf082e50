using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Agreements;
using Smarketing.Application.Leads;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Infrastructure.Demo;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>What a sales manager does to turn on round robin and manage reps' availability, through the real services.</summary>
internal static class RoundRobinSetup
{
    /// <summary>Today in the agreement's time zone, by the app's own clock.</summary>
    public static DateOnly Today(SmarketingAppFactory app) =>
        LocalTime.DateAt(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), LocalTime.Zone(DemoAgreement.TimeZone));

    /// <summary>
    /// The sales manager sets Assignment = RoundRobin in the draft's response rules and an effective date of today;
    /// both managers sign, so the new version is in force from today.
    /// </summary>
    public static async Task<int> SwitchOnAsync(SmarketingAppFactory app)
    {
        int number;
        int contentRevision;
        await using (var sales = await app.SignedInAsAsync(Pipeline.SalesManager))
        {
            var agreements = sales.ServiceProvider.GetRequiredService<AgreementService>();
            var draft = await agreements.GetDraftAsync(Pipeline.Ct) ?? (await agreements.StartDraftAsync(Pipeline.Ct)).Value;
            var content = draft.Content;
            content.ResponseRules.Assignment = AssignmentMode.RoundRobin;
            var saved = await agreements.SaveSectionAsync(new SaveSectionRequest
            {
                Section = AgreementSection.ResponseRules,
                ExpectedRevision = draft.Sections[AgreementSection.ResponseRules].Revision,
                Content = content,
            }, Pipeline.Ct);
            saved.Succeeded.ShouldBeTrue(saved.Message);
            saved.Value.IsConflict.ShouldBeFalse();

            var afterSave = (await agreements.GetDraftAsync(Pipeline.Ct))!;
            var dated = await agreements.SaveHeaderAsync(new DraftHeaderRequest
            {
                EffectiveFrom = Today(app), Summary = "Round robin from today.", ExpectedContentRevision = afterSave.ContentRevision,
            }, Pipeline.Ct);
            dated.Succeeded.ShouldBeTrue(dated.Message);
            number = dated.Value.Number;
            contentRevision = dated.Value.ContentRevision;

            var salesSigned = await agreements.SignAsync(new SignRequest { Department = Department.Sales, ContentRevision = contentRevision }, Pipeline.Ct);
            salesSigned.Succeeded.ShouldBeTrue(salesSigned.Message);
        }

        await using (var marketing = await app.SignedInAsAsync(Pipeline.Marketing))
        {
            var agreements = marketing.ServiceProvider.GetRequiredService<AgreementService>();
            var signed = await agreements.SignAsync(new SignRequest { Department = Department.Marketing, ContentRevision = contentRevision }, Pipeline.Ct);
            signed.Succeeded.ShouldBeTrue(signed.Message);
            var inForce = (await agreements.GetInForceAsync(Pipeline.Ct)).ShouldNotBeNull();
            inForce.Number.ShouldBe(number);
            inForce.Content.ResponseRules.Assignment.ShouldBe(AssignmentMode.RoundRobin);
        }

        return number;
    }

    /// <summary>The sales manager sets a rep's capacity and time off on the availability page.</summary>
    public static async Task SetAvailabilityAsync(SmarketingAppFactory app, string rep, int capacity, DateOnly? awayFrom = null, DateOnly? awayUntil = null)
    {
        await using var sales = await app.SignedInAsAsync(Pipeline.SalesManager);
        var availability = sales.ServiceProvider.GetRequiredService<RepAvailabilityService>();
        var who = (await availability.ListAsync(Pipeline.Ct)).Single(r => r.Email == rep);
        var saved = await availability.SaveAsync(new SaveAvailabilityRequest
        {
            UserId = who.UserId, Capacity = capacity, OutOfOfficeFrom = awayFrom, OutOfOfficeUntil = awayUntil,
        }, Pipeline.Ct);
        saved.Succeeded.ShouldBeTrue(saved.Message);
    }

    /// <summary>How many open leads (claimed, accepted, opportunity) each rep carries, as the sales manager sees it.</summary>
    public static async Task<Dictionary<string, int>> OpenLeadsAsync(SmarketingAppFactory app)
    {
        await using var sales = await app.SignedInAsAsync(Pipeline.SalesManager);
        return (await sales.ServiceProvider.GetRequiredService<RepAvailabilityService>().ListAsync(Pipeline.Ct)).ToDictionary(r => r.Email, r => r.OpenLeads);
    }
}
