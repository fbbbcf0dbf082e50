using Smarketing.Domain.Agreements;
using Smarketing.Domain.Leads;

namespace Smarketing.Benchmarks;

/// <summary>
/// Bulk leads for the report benchmarks, spread evenly over the <see cref="ReportDatabase.HistoryDays"/> before
/// <see cref="ReportDatabase.Now"/>, each qualified against the demo definition and moved through the real Lead state
/// machine (so every event and stage timestamp is one the app could have written). About 70% reach sales; first
/// contacts mostly land within a working day, a quarter are late. QualificationJson is left empty to keep the file
/// small; no report reads it.
/// </summary>
internal static class LeadGenerator
{
    private static readonly string[] FirstNames = ["Ava", "Ben", "Chloe", "Diego", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kara", "Liam"];
    private static readonly string[] LastNames = ["Adams", "Brooks", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito", "Jensen"];
    private static readonly string[] Companies = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Litware", "Proseware", "Wingtip", "Woodgrove"];
    private static readonly string[] Titles = ["IT Director", "Head of IT", "Operations Manager", "Founder", "CTO", "Marketing Coordinator", "VP Infrastructure", "Plant Manager", "Analyst"];
    private static readonly string[] Industries = ["Software", "Financial services", "Manufacturing", "Logistics", "Retail", "Education"];
    private static readonly string[] Sources = ["Demo request", "Webinar", "Content download", "Trade show", "Paid search", "Referral"];
    private static readonly string[] Campaigns = ["Q3 webinar series", "Compliance e-book", "Spring trade show", "Brand search", "Partner referrals"];
    private static readonly int[] Sizes = [12, 35, 60, 120, 250, 600, 1500, 4000];

    public static Lead Create(int i, Random random, AgreementContent agreement, Actor marketing, IReadOnlyList<Actor> reps)
    {
        var now = ReportDatabase.Now;
        var company = Companies[random.Next(Companies.Length)];
        var created = now.AddSeconds(-random.NextDouble() * ReportDatabase.HistoryDays * 86_400);
        var lead = new Lead
        {
            ExternalId = $"bench-{i}",
            Email = $"lead{i}@{company.ToLowerInvariant()}.bench.example",
            FirstName = FirstNames[random.Next(FirstNames.Length)],
            LastName = LastNames[random.Next(LastNames.Length)],
            Company = company,
            Title = Titles[random.Next(Titles.Length)],
            CompanySize = Sizes[random.Next(Sizes.Length)],
            Industry = Industries[random.Next(Industries.Length)],
            Country = random.Next(5) == 0 ? "GB" : "US",
            Source = Sources[random.Next(Sources.Length)],
            Campaign = Campaigns[random.Next(Campaigns.Length)],
            EngagementScore = random.Next(0, 60),
            CreatedAt = created,
            CreatedBy = marketing.Email,
            UpdatedAt = created,
            UpdatedBy = marketing.Email,
        };

        var target = PickTarget(random, (now - created).TotalDays);
        if (target is not (LeadStage.New or LeadStage.Mql))
        {
            lead.CompanySize = Math.Max(lead.CompanySize ?? 0, 120);
            lead.Country = "US";
            lead.EngagementScore = Math.Max(lead.EngagementScore, 45 + random.Next(0, 40));
        }

        var verdict = Qualification.Evaluate(agreement.LeadDefinition, agreement.Personas, lead.Facts, 1);
        lead.ApplyQualification(verdict, null!);
        lead.QualificationJson = null;
        lead.RecordCreated(marketing, created, 1);
        Walk(lead, target, agreement, marketing, reps, created, now, random);
        lead.UpdatedAt = lead.Events[^1].At;
        return lead;
    }

    private static LeadStage PickTarget(Random random, double age)
    {
        var target = random.NextDouble() switch
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

    private static void Walk(Lead lead, LeadStage target, AgreementContent agreement, Actor marketing, IReadOnlyList<Actor> reps, DateTimeOffset created, DateTimeOffset now, Random random)
    {
        if (target is LeadStage.New or LeadStage.Mql)
        {
            return;
        }

        var t = Later(created, random, 1, 30, now);
        Ok(lead.HandOff(marketing, t, 1, lead.IsMql ? null : "Hot lead from an event"));
        if (target == LeadStage.HandedOff)
        {
            return;
        }

        var rep = reps[random.Next(reps.Count)];
        t = Later(t, random, 0.1, 8, now);
        Ok(lead.Claim(rep, t, 1));
        var contacts = random.Next(1, 4);
        for (var c = 0; c < contacts; c++)
        {
            t = Later(t, random, 0.2, c == 0 && random.NextDouble() < 0.25 ? 40 : 12, now);
            Ok(lead.LogContact(rep, t, (ContactChannel)random.Next(3), (ContactOutcome)random.Next(6), null, t, 1));
        }

        if (target == LeadStage.Claimed)
        {
            return;
        }

        t = Later(t, random, 0.5, 30, now);
        if (target == LeadStage.Rejected)
        {
            var reasons = agreement.Reasons.RejectionReasons;
            Ok(lead.Reject(rep, reasons[random.Next(reasons.Count)], reasons, t, 1));
            return;
        }

        Ok(lead.Accept(rep, t, 1));
        if (target == LeadStage.Accepted)
        {
            return;
        }

        t = Later(t, random, 24, 120, now);
        Ok(lead.Convert(rep, t, 1));
        if (target == LeadStage.Sql)
        {
            return;
        }

        t = Later(t, random, 48, 300, now);
        if (target == LeadStage.Won)
        {
            Ok(lead.MarkWon(rep, 5_000 + (random.Next(1, 40) * 1_250), t, 1));
        }
        else
        {
            var reasons = agreement.Reasons.LostReasons;
            Ok(lead.MarkLost(rep, reasons[random.Next(reasons.Count)], reasons, t, 1));
        }
    }

    private static DateTimeOffset Later(DateTimeOffset from, Random random, double minHours, double maxHours, DateTimeOffset now)
    {
        var next = from.AddHours(minHours + (random.NextDouble() * (maxHours - minHours)));
        return next < now ? next : from.AddMinutes((now - from).TotalMinutes * random.NextDouble());
    }

    private static void Ok(Smarketing.Domain.Common.Result result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The generated history broke a rule: {result.Message} {string.Join("; ", result.Errors.SelectMany(e => e.Value))}");
        }
    }
}
