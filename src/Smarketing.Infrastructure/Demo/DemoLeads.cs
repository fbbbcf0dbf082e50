using System.Text.Json;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Leads;

namespace Smarketing.Infrastructure.Demo;

/// <summary>
/// A few hundred leads over the last 90 days, in every stage, worked by the demo reps, each moved through the
/// real state machine with believable times so every page and report has something true to show. People work in
/// the agreement calendar's working hours: hand-offs, claims and contacts fall inside them, measured in business
/// minutes from the step before, so a report's "time to first contact" reads as a working day would.
/// </summary>
internal static class DemoLeads
{
    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara", "Liam", "Maya", "Noah", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Victor", "Wen", "Yusuf", "Zoe"];
    private static readonly string[] LastNames = ["Adams", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen", "Khan", "Lopez", "Meyer", "Novak", "Okafor", "Patel", "Quinn", "Rossi", "Silva", "Tanaka", "Usman", "Vega", "Walsh", "Young", "Zhang"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Adventure Works", "Proseware", "Wingtip", "Alpine Ski", "Blue Yonder", "Coho Winery", "Fourth Coffee", "Humongous Insurance", "Lucerne Publishing", "Margie's Travel", "Trey Research", "Woodgrove Bank", "Wide World Importers", "Graphic Design Institute", "School of Fine Art"];
    private static readonly string[] Titles = ["IT Director", "Head of IT", "Operations Manager", "Founder", "CTO", "Marketing Coordinator", "Procurement Lead", "VP Infrastructure", "Plant Manager", "RevOps Lead", "Analyst"];
    private static readonly string[] Industries = ["Software", "Financial services", "Manufacturing", "Logistics", "Retail", "Education"];
    private static readonly string[] Countries = ["US", "US", "US", "CA", "GB", "DE"];
    private static readonly string[] Sources = ["Demo request", "Webinar", "Content download", "Trade show", "Paid search", "Referral"];
    private static readonly string[] Campaigns = ["Q3 webinar series", "Compliance e-book", "Spring trade show", "Brand search", "Partner referrals"];

    public static IEnumerable<Lead> Create(AgreementContent agreement, int agreementVersion, Actor marketing, IReadOnlyList<Actor> reps, DateTimeOffset now, int count = 320)
    {
        var random = new Random(20261122);
        var clock = new BusinessClock(agreement.Calendar);
        var emails = new HashSet<string>();
        for (var i = 0; i < count; i++)
        {
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var company = Companies[random.Next(Companies.Length)];
            var email = $"{first}.{last}{i}@{company.Replace(" ", "").Replace("'", "").ToLowerInvariant()}.example".ToLowerInvariant();
            emails.Add(email);
            var created = now.AddDays(-random.NextDouble() * 90).AddMinutes(-random.Next(60));
            var lead = new Lead
            {
                Email = email,
                FirstName = first,
                LastName = last,
                Company = company,
                Title = Titles[random.Next(Titles.Length)],
                CompanySize = new[] { 12, 35, 60, 120, 250, 600, 1500, 4000 }[random.Next(8)],
                Industry = Industries[random.Next(Industries.Length)],
                Country = Countries[random.Next(Countries.Length)],
                Source = Sources[random.Next(Sources.Length)],
                Campaign = Campaigns[random.Next(Campaigns.Length)],
                EngagementScore = random.Next(0, 60),
                CreatedAt = created,
                CreatedBy = marketing.Email,
            };

            var target = PickTarget(random, created, now);
            if (target > LeadStage.Mql && target != LeadStage.New)
            {
                // Leads that went to sales were MQLs: make the facts say so.
                lead.CompanySize = Math.Max(lead.CompanySize ?? 0, 120);
                lead.Country = "US";
                lead.EngagementScore = Math.Max(lead.EngagementScore, 45 + random.Next(0, 40));
            }

            Qualify(lead, agreement, agreementVersion);
            lead.RecordCreated(marketing, created, agreementVersion);
            Walk(lead, target, agreement, agreementVersion, marketing, reps, created, now, random, clock);
            yield return lead;
        }
    }

    private static LeadStage PickTarget(Random random, DateTimeOffset created, DateTimeOffset now)
    {
        // Work moves on: old leads have mostly been decided and closed; open work is recent.
        var age = (now - created).TotalDays;
        var roll = random.NextDouble();
        var target = roll switch
        {
            < 0.20 => LeadStage.New,
            < 0.30 => LeadStage.Mql,
            < 0.36 => LeadStage.HandedOff,
            < 0.48 => LeadStage.Claimed,
            < 0.62 => LeadStage.Accepted,
            < 0.74 => LeadStage.Rejected,
            < 0.86 => LeadStage.Sql,
            < 0.94 => LeadStage.Won,
            _ => LeadStage.Lost,
        };
        return target switch
        {
            LeadStage.HandedOff when age > 3 => LeadStage.Rejected,
            LeadStage.Claimed when age > 6 => random.NextDouble() < 0.85 ? LeadStage.Accepted : LeadStage.Claimed,
            LeadStage.Accepted when age > 20 => LeadStage.Sql,
            LeadStage.Sql when age < 5 => LeadStage.Accepted,
            LeadStage.Sql when age > 45 => random.NextDouble() < 0.6 ? LeadStage.Won : LeadStage.Lost,
            LeadStage.Won or LeadStage.Lost when age < 10 => LeadStage.Accepted,
            _ => target,
        };
    }

    private static void Walk(Lead lead, LeadStage target, AgreementContent agreement, int version, Actor marketing, IReadOnlyList<Actor> reps, DateTimeOffset created, DateTimeOffset now, Random random, BusinessClock clock)
    {
        if (target is LeadStage.New or LeadStage.Mql)
        {
            return;
        }

        if (Working(clock, created, random, 30, 8 * 60, now) is not { } t)
        {
            return;
        }

        lead.HandOff(marketing, t, version, lead.IsMql ? null : "Hot lead from the sales team's event");
        if (target == LeadStage.HandedOff || Working(clock, t, random, 5, 90, now) is not { } claimed)
        {
            return;
        }

        var rep = reps[random.Next(reps.Count)];
        t = claimed;
        lead.Claim(rep, t, version);
        var contacts = random.Next(1, 4);
        for (var c = 0; c < contacts; c++)
        {
            // Most first contacts come within a few business hours; about one in five is late, which is what the
            // scorecard is for. Follow-ups come a working day or two apart.
            var (least, most) = c > 0 ? (4 * 60, 16 * 60) : random.NextDouble() < 0.2 ? (4 * 60, 20 * 60) : (10, 3 * 60);
            if (Working(clock, t, random, least, most, now) is not { } contacted)
            {
                return;
            }

            t = contacted;
            lead.LogContact(rep, t, (ContactChannel)random.Next(3), (ContactOutcome)random.Next(6), c == 0 ? "First call" : null, t, version);
        }

        if (target == LeadStage.Claimed || Working(clock, t, random, 30, 16 * 60, now) is not { } decided)
        {
            return;
        }

        t = decided;
        if (target == LeadStage.Rejected)
        {
            var reasons = agreement.Reasons.RejectionReasons;
            lead.Reject(rep, reasons[random.Next(reasons.Count)], reasons, t, version);
            return;
        }

        lead.Accept(rep, t, version);
        if (target == LeadStage.Accepted || Working(clock, t, random, 8 * 60, 40 * 60, now) is not { } converted)
        {
            return;
        }

        t = converted;
        lead.Convert(rep, t, version);
        if (target == LeadStage.Sql || Working(clock, t, random, 16 * 60, 100 * 60, now) is not { } closed)
        {
            return;
        }

        t = closed;
        if (target == LeadStage.Won)
        {
            lead.MarkWon(rep, 5_000 + (random.Next(1, 40) * 1_250), t, version);
        }
        else
        {
            var reasons = agreement.Reasons.LostReasons;
            lead.MarkLost(rep, reasons[random.Next(reasons.Count)], reasons, t, version);
        }
    }

    /// <summary>
    /// Between <paramref name="leastMinutes"/> and <paramref name="mostMinutes"/> business minutes after
    /// <paramref name="from"/>, so every step falls inside working hours; fewer when now comes sooner, and none (the
    /// lead has not got that far yet) when no working minute has passed since <paramref name="from"/>.
    /// </summary>
    private static DateTimeOffset? Working(BusinessClock clock, DateTimeOffset from, Random random, int leastMinutes, int mostMinutes, DateTimeOffset now)
    {
        var left = clock.BusinessMinutesBetween(from, now);
        if (left < 1)
        {
            return null;
        }

        var most = (int)Math.Min(mostMinutes, left);
        return clock.AddBusinessMinutes(from, random.Next(Math.Min(leastMinutes, most), most + 1));
    }

    private static void Qualify(Lead lead, AgreementContent agreement, int version)
    {
        var verdict = Qualification.Evaluate(agreement.LeadDefinition, agreement.Personas, lead.Facts, version);
        lead.ApplyQualification(verdict, JsonSerializer.Serialize(verdict, AgreementJson.Options));
    }
}
