using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.Infrastructure.Persistence;

namespace Smarketing.Infrastructure.Demo;

/// <summary>
/// The demo users of product.md, each with password Demo123! and the API key "demo-" + the part of the
/// email before '@'. Runs only where Demo:Seed is true (Development by default); safe to run again.
/// </summary>
public sealed class DemoSeeder(UserManager<AppUser> users, SmarketingDbContext db, TimeProvider clock)
{
    public const string Password = "Demo123!";

    public static IReadOnlyList<DemoUser> People { get; } =
    [
        new("marketing@demo.test", "Maya Marketing", Roles.MarketingManager, null),
        new("sales.manager@demo.test", "Sam Salesmanager", Roles.SalesManager, null),
        new("rep1@demo.test", "Riley Rep", Roles.SalesRep, "East"),
        new("rep2@demo.test", "Robin Rep", Roles.SalesRep, "East"),
        new("rep3@demo.test", "Reese Rep", Roles.SalesRep, "West"),
        new("leadership@demo.test", "Lee Leadership", Roles.Leadership, null),
        new("admin@demo.test", "Ada Admin", Roles.Admin, null),
    ];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var person in People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.DisplayName,
                    Team = person.Team,
                };
                var created = await users.CreateAsync(user, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException($"Demo user {person.Email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }

                await users.AddToRoleAsync(user, person.Role);
            }

            var secret = person.ApiKey;
            var hash = ApiKeySecrets.Hash(secret);
            if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash, ct))
            {
                db.ApiKeys.Add(new ApiKey { UserId = user.Id, Name = "Demo key", Prefix = ApiKeySecrets.DisplayPrefix(secret), Hash = hash });
                await db.SaveChangesAsync(ct);
            }
        }

        await SeedAgreementAsync(ct);
        await SeedLeadsAsync(ct);
    }

    private async Task SeedLeadsAsync(CancellationToken ct)
    {
        if (await db.Leads.AnyAsync(ct))
        {
            return;
        }

        var marketingUser = await users.FindByEmailAsync("marketing@demo.test");
        var reps = new List<Domain.Leads.Actor>();
        foreach (var email in new[] { "rep1@demo.test", "rep2@demo.test", "rep3@demo.test" })
        {
            var rep = await users.FindByEmailAsync(email);
            reps.Add(new Domain.Leads.Actor(rep!.Id, email));
        }

        var marketing = new Domain.Leads.Actor(marketingUser!.Id, marketingUser.Email!);
        var now = clock.GetUtcNow();
        var agreement = DemoAgreement.Version1();
        var leads = DemoLeads.Create(agreement, 1, marketing, reps, now).ToList();
        db.Leads.AddRange(leads);
        foreach (var lead in leads)
        {
            foreach (var timer in Domain.Clocks.SlaTimekeeper.Compute(lead, lead.Events, _ => agreement, now))
            {
                // History is already told: only what turns at risk or due from now on raises a notification.
                timer.AtRiskNotifiedAt = timer.AtRiskAt <= now ? now : null;
                timer.BreachNotifiedAt = timer.DueAt <= now ? now : null;
                db.SlaTimers.Add(timer);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task SeedAgreementAsync(CancellationToken ct)
    {
        if (await db.AgreementVersions.AnyAsync(ct))
        {
            return;
        }

        var zone = LocalTime.Zone(DemoAgreement.TimeZone);
        var effectiveAt = LocalTime.StartOfDay(DemoAgreement.Version1EffectiveFrom, zone);
        var signedAt = effectiveAt.AddDays(-10);
        var version1 = new AgreementVersion
        {
            Number = 1,
            EffectiveFrom = DemoAgreement.Version1EffectiveFrom,
            EffectiveAt = effectiveAt,
            AdoptedAt = signedAt,
            DraftSlot = null,
            Summary = "The first agreement between marketing and sales.",
            MarketingSignedBy = "marketing@demo.test", MarketingSignerName = "Maya Marketing", MarketingSignedAt = signedAt.AddHours(-3),
            SalesSignedBy = "sales.manager@demo.test", SalesSignerName = "Sam Salesmanager", SalesSignedAt = signedAt,
        };
        AddSections(version1, DemoAgreement.Version1(), signedAt, "marketing@demo.test");

        var version2 = new AgreementVersion
        {
            Number = 2,
            EffectiveFrom = DemoAgreement.Version2EffectiveFrom,
            Summary = "Faster first contact for A-leads, a higher MQL commitment and a RevOps persona.",
        };
        AddSections(version2, DemoAgreement.Version2Draft(), clock.GetUtcNow(), "sales.manager@demo.test");

        db.AgreementVersions.AddRange(version1, version2);
        await db.SaveChangesAsync(ct);
    }

    private void AddSections(AgreementVersion version, AgreementContent content, DateTimeOffset at, string by)
    {
        foreach (var section in AgreementSections.All)
        {
            var json = AgreementJson.Serialize(content, section);
            version.Sections.Add(new AgreementSectionRecord { VersionId = version.Id, Section = section, Json = json, Revision = 1, UpdatedAt = at, UpdatedBy = by });
            db.AgreementSectionRevisions.Add(new AgreementSectionRevision { VersionId = version.Id, Section = section, Revision = 1, Json = json, SavedAt = at, SavedBy = by });
        }
    }
}

public sealed record DemoUser(string Email, string DisplayName, string Role, string? Team)
{
    public string ApiKey => "demo-" + Email[..Email.IndexOf('@')];
}
