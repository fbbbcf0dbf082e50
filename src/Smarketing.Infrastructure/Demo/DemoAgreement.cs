using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;

namespace Smarketing.Infrastructure.Demo;

/// <summary>A realistic agreement for the demo: version 1 in force, and a draft version 2 with a few changes.</summary>
public static class DemoAgreement
{
    public const string TimeZone = "America/New_York";
    public static readonly DateOnly Version1EffectiveFrom = new(2026, 7, 1);
    public static readonly DateOnly Version2EffectiveFrom = new(2027, 1, 4);

    private static readonly DateOnly[] UsHolidays =
    [
        new(2026, 1, 1), new(2026, 1, 19), new(2026, 2, 16), new(2026, 5, 25), new(2026, 6, 19), new(2026, 7, 3),
        new(2026, 9, 7), new(2026, 11, 26), new(2026, 11, 27), new(2026, 12, 25),
        new(2027, 1, 1), new(2027, 1, 18), new(2027, 2, 15), new(2027, 5, 31), new(2027, 6, 18), new(2027, 7, 5),
        new(2027, 9, 6), new(2027, 11, 25), new(2027, 11, 26), new(2027, 12, 24),
    ];

    public static AgreementContent Version1() => new()
    {
        MarketingClauses =
        [
            Clause("c0000001-0000-0000-0000-000000000001", "Monthly MQL volume", Department.Marketing, ClauseMetric.MqlsDelivered, 400, Period.Month),
            Clause("c0000001-0000-0000-0000-000000000002", "Lead quality", Department.Marketing, ClauseMetric.MqlAcceptanceRate, 70, Period.Month),
        ],
        SalesClauses =
        [
            Clause("c0000002-0000-0000-0000-000000000001", "Fast first contact for A-leads", Department.Sales, ClauseMetric.FirstContactWithinResponseRule, 95, Period.Month, grade: "A"),
            Clause("c0000002-0000-0000-0000-000000000002", "First contact on time", Department.Sales, ClauseMetric.FirstContactWithinResponseRule, 90, Period.Month),
            Clause("c0000002-0000-0000-0000-000000000003", "Accept or reject within the budget", Department.Sales, ClauseMetric.DecisionWithinResponseRule, 90, Period.Month),
            Clause("c0000002-0000-0000-0000-000000000004", "Follow-up cadence", Department.Sales, ClauseMetric.FollowUpCadenceMet, 85, Period.Month),
            Clause("c0000002-0000-0000-0000-000000000005", "Win rate", Department.Sales, ClauseMetric.SqlToWonRate, 25, Period.Quarter),
        ],
        Personas =
        [
            new Persona
            {
                Id = Guid.Parse("b0000000-0000-0000-0000-000000000001"), Name = "IT Director",
                JobTitles = ["IT Director", "Head of IT", "VP Infrastructure"], CompanySizeMin = 200, CompanySizeMax = 5000,
                Industries = ["Software", "Financial services"], Regions = ["North America"],
                Pains = "Too many tools, too little visibility; audits eat the quarter.",
                Goals = "Consolidate vendors and prove compliance without extra headcount.",
                PreferredChannels = ["Email", "Webinar"], Notes = "Signs off on anything over $50k.",
            },
            new Persona
            {
                Id = Guid.Parse("b0000000-0000-0000-0000-000000000002"), Name = "Operations Manager",
                JobTitles = ["Operations Manager", "Plant Manager"], CompanySizeMin = 50, CompanySizeMax = 1000,
                Industries = ["Manufacturing", "Logistics"], Regions = ["North America"],
                Pains = "Spreadsheets break at month end; no single view of orders.",
                Goals = "Fewer manual hand-offs, on-time delivery above 98%.",
                PreferredChannels = ["Phone", "Trade shows"],
            },
            new Persona
            {
                Id = Guid.Parse("b0000000-0000-0000-0000-000000000003"), Name = "Startup Founder",
                JobTitles = ["Founder", "CEO", "CTO"], CompanySizeMin = 10, CompanySizeMax = 200,
                Industries = ["Software"], Regions = ["North America"],
                Pains = "Every hour spent on tooling is an hour not spent on customers.",
                Goals = "Something that works on day one and grows with the team.",
                PreferredChannels = ["Email", "Product trial"],
            },
        ],
        LeadDefinition = new LeadDefinition
        {
            FitRules =
            [
                new FitRule { Id = Guid.Parse("f0000000-0000-0000-0000-000000000001"), Condition = new Condition { Field = LeadField.CompanySize, Operator = RuleOperator.AtLeast, Values = ["50"] } },
                new FitRule { Id = Guid.Parse("f0000000-0000-0000-0000-000000000002"), Condition = new Condition { Field = LeadField.Country, Operator = RuleOperator.In, Values = ["US", "CA"] } },
            ],
            ScoringRules =
            [
                Scoring("a0000000-0000-0000-0000-000000000001", "Decision-maker title", LeadField.Title, RuleOperator.Contains, ["Director"], 20),
                Scoring("a0000000-0000-0000-0000-000000000002", "Target industry", LeadField.Industry, RuleOperator.In, ["Software", "Financial services", "Manufacturing"], 15),
                Scoring("a0000000-0000-0000-0000-000000000003", "Large company", LeadField.CompanySize, RuleOperator.AtLeast, ["500"], 15),
                Scoring("a0000000-0000-0000-0000-000000000004", "Asked for a demo", LeadField.Source, RuleOperator.Equals, ["Demo request"], 25),
            ],
            EngagementScoreCounts = true,
            MqlThreshold = 60,
            Grades = [new Grade { Name = "A", MinScore = 90 }, new Grade { Name = "B", MinScore = 75 }, new Grade { Name = "C", MinScore = 0 }],
        },
        ResponseRules = new ResponseRules
        {
            Assignment = AssignmentMode.OpenPool,
            Rules =
            [
                new ResponseRule
                {
                    Id = Guid.Parse("e0000000-0000-0000-0000-000000000001"), Name = "A-leads", Grades = ["A"],
                    FirstContact = new(4, DurationUnit.Hours), Decision = new(2, DurationUnit.Days),
                    FollowUpAttempts = 6, FollowUpWindow = new(10, DurationUnit.Days), WarningPercent = 75,
                },
                new ResponseRule
                {
                    Id = Guid.Parse("e0000000-0000-0000-0000-000000000002"), Name = "All other leads", IsDefault = true,
                    FirstContact = new(1, DurationUnit.Days), Decision = new(2, DurationUnit.Days),
                    FollowUpAttempts = 6, FollowUpWindow = new(10, DurationUnit.Days), WarningPercent = 75,
                },
            ],
        },
        Calendar = BusinessCalendar.Standard(TimeZone, UsHolidays),
        Reasons = new ReasonLists
        {
            RejectionReasons = ["Not a decision-maker", "No budget", "Wrong industry", "Already a customer", "Duplicate", "Bad contact data"],
            LostReasons = ["Price", "Chose a competitor", "No decision", "Timing", "Missing feature"],
        },
    };

    /// <summary>Version 1 with the changes the managers are negotiating for next year.</summary>
    public static AgreementContent Version2Draft()
    {
        var content = Version1();
        content.MarketingClauses[0].Target = 450;
        content.ResponseRules.Rules[0].FirstContact = new(2, DurationUnit.Hours);
        content.Personas.Add(new Persona
        {
            Id = Guid.Parse("b0000000-0000-0000-0000-000000000004"), Name = "RevOps Lead",
            JobTitles = ["RevOps Lead", "Revenue Operations Manager"], CompanySizeMin = 100, CompanySizeMax = 2000,
            Industries = ["Software"], Regions = ["North America", "Europe"],
            Pains = "Marketing and sales numbers never agree.", Goals = "One funnel, one set of definitions.",
            PreferredChannels = ["Email", "LinkedIn"],
        });
        content.Reasons.RejectionReasons.Add("Student or job seeker");
        content.Calendar.Holidays.Add(new DateOnly(2027, 12, 31));
        return content;
    }

    private static Clause Clause(string id, string title, Department owner, ClauseMetric metric, decimal target, Period period, string? grade = null) =>
        new() { Id = Guid.Parse(id), Title = title, Owner = owner, Metric = metric, Target = target, Period = period, Grade = grade };

    private static ScoringRule Scoring(string id, string name, LeadField field, RuleOperator op, List<string> values, int points) =>
        new() { Id = Guid.Parse(id), Name = name, Points = points, Condition = new Condition { Field = field, Operator = op, Values = values } };
}
