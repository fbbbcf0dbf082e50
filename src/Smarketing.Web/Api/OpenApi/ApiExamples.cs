using Smarketing.Application.Agreements;
using Smarketing.Application.Leads;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.Web.Api.OpenApi;

/// <summary>
/// The examples in /openapi/v1.json, built from the API's own response records where they exist (so an example has the
/// answer's exact shape) and from the demo agreement.
/// </summary>
internal static class ApiExamples
{
    private static readonly DateTimeOffset Created = new(2026, 12, 7, 14, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset HandedOff = Created.AddMinutes(20);
    private static readonly Guid LeadId = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static readonly object NewLead = new
    {
        externalId = "crm-10042",
        email = "ava.adams@northwind.example",
        firstName = "Ava",
        lastName = "Adams",
        company = "Northwind",
        title = "IT Director",
        companySize = 600,
        industry = "Software",
        country = "US",
        source = "Demo request",
        campaign = "Q3 webinar series",
        engagementScore = 30,
    };

    public static object Lead => LeadEndpoints.LeadResponse.From(new LeadDetails(SampleLead(), Verdict, Events));

    public static object Me => new ApiV1.MeResponse("ava@northwind.example", "Ava Adams", ["MarketingManager"]);

    public static object Users => new[]
    {
        new ApiV1.UserResponse("admin@demo.test", "Admin", ["Admin"], true),
        new ApiV1.UserResponse("rep1@demo.test", "Riley Rep", ["SalesRep"], true),
    };

    public static object LeadPage => new
    {
        items = new[]
        {
            new LeadSummary(LeadId, "Ava Adams", "ava.adams@northwind.example", "Northwind", "IT Director", LeadStage.HandedOff, true, 105, "A",
                null, "Demo request", Created, HandedOff, null, null),
        },
        total = 1,
        page = 1,
        pageSize = 50,
    };

    public static object Timers => new[]
    {
        new
        {
            clause = "Sales makes a first contact within 4 business hours for 95% of A-leads",
            kind = TimerKind.FirstContact,
            budgetBusinessMinutes = 240,
            startedAt = HandedOff,
            atRiskAt = HandedOff.AddMinutes(180),
            dueAt = HandedOff.AddMinutes(240),
            stoppedAt = (DateTimeOffset?)null,
            status = TimerStatus.Running,
            businessMinutesElapsed = 35L,
            slaVersion = 1,
            cycle = 1,
            explanation = "Due Mon 7 Dec 2026 13:25 (America/New_York): 4 business hours after the hand-off.",
        },
    };

    public static readonly object HandOff = new { overrideReason = "Asked for a call back today." };

    public static readonly object Contact = new
    {
        channel = ContactChannel.Phone, outcome = ContactOutcome.Connected, note = "Wants pricing for 600 seats.", occurredAt = HandedOff.AddMinutes(30),
    };

    public static readonly object Rejection = new { reason = "No budget" };

    public static readonly object Loss = new { reason = "Chose a competitor" };

    public static readonly object Won = new { amount = 48000m };

    public static readonly object Reassignment = new { ownerEmail = "rep2@demo.test", reason = "rep1 is out this week." };

    public static object Batch => new[] { NewLead, new { email = "not-an-email" } };

    public static object BatchResult => new
    {
        created = 1, updated = 0, merged = 0, invalid = 1,
        results = new object[]
        {
            new { index = 0, status = "created", message = "Created.", lead = Lead, mergedInto = (object?)null, errors = (object?)null },
            new
            {
                index = 1, status = "invalid", message = "Email must be an address like name@company.com.", lead = (object?)null, mergedInto = (object?)null,
                errors = new Dictionary<string, string[]> { ["email"] = ["Email must be an address like name@company.com."] },
            },
        },
    };

    public static object Version => AgreementEndpoints.VersionResponse.From(new AgreementVersionView(
        Guid.Empty, 1, VersionStatus.InForce, DemoAgreement.Version1EffectiveFrom, null, Created.AddDays(-160),
        new Signature("marketing@demo.test", "Morgan Marketing", Created.AddDays(-161)),
        new Signature("sales.manager@demo.test", "Sam Sales", Created.AddDays(-160)),
        4, "First agreement between marketing and sales.", DemoAgreement.Version1(),
        AgreementSections.All.ToDictionary(s => s, _ => new SectionStamp(1, Created.AddDays(-165), "marketing@demo.test")),
        Created.AddDays(-170), "marketing@demo.test"));

    public static object Versions => new[]
    {
        new AgreementEndpoints.VersionListItem(1, VersionStatus.InForce, DemoAgreement.Version1EffectiveFrom, Created.AddDays(-160),
            new AgreementEndpoints.SignatureResponse("marketing@demo.test", "Morgan Marketing", Created.AddDays(-161)),
            new AgreementEndpoints.SignatureResponse("sales.manager@demo.test", "Sam Sales", Created.AddDays(-160)),
            "First agreement between marketing and sales."),
    };

    public static readonly object Diff = new
    {
        from = 1, to = 2,
        changes = new[] { new { section = "responseRules", text = "A-leads: first contact within 2 business hours (was 4 business hours)." } },
    };

    public static object Personas => DemoAgreement.Version1().Personas;

    public static readonly object SectionSaved = new { section = "personas", revision = 3 };

    public static object DraftHeader => new { effectiveFrom = DemoAgreement.Version2EffectiveFrom, summary = "Faster first contact for A-leads.", expectedContentRevision = 7 };

    public static readonly object Sign = new { department = "marketing", contentRevision = 7 };

    public static object Scorecard => new
    {
        from = new DateOnly(2026, 11, 1),
        to = new DateOnly(2026, 11, 30),
        clauses = new[]
        {
            new
            {
                clauseId = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), title = "First contact for A-leads",
                description = "Sales makes a first contact within 4 business hours for 95% of A-leads.", owner = Department.Sales,
                metric = ClauseMetric.FirstContactWithinResponseRule, unit = MetricUnit.Percent, comparison = Comparison.AtLeast, target = 95m, actual = 91.7m, met = false,
                sampleSize = 48, slaVersions = new[] { 1 },
            },
        },
    };

    public static readonly object ResponseTimes = new[]
    {
        new
        {
            group = "rep1@demo.test", handedOff = 24, contacted = 22, contactedWithinSla = 20, breached = 3, open = 1, compliancePct = 87.0,
            p50BusinessMinutesToFirstContact = 42, p90BusinessMinutesToFirstContact = 215,
            bands = new { upToOneHour = 13, oneToFourHours = 7, fourToTwentyFourHours = 2, overTwentyFourHours = 0 },
        },
    };

    private static QualificationVerdict Verdict => new(true, true, 105, 60, "A", "IT Director", 30,
        [new FitCheck("company size at least 50", true), new FitCheck("country is one of [US, CA]", true)],
        [new ScoreLine("Decision-maker title", 20, true), new ScoreLine("Target industry", 15, true), new ScoreLine("Large company", 15, true),
         new ScoreLine("Asked for a demo", 25, true)],
        1);

    private static Lead SampleLead() => new()
    {
        Id = LeadId, ExternalId = "crm-10042", Email = "ava.adams@northwind.example", FirstName = "Ava", LastName = "Adams", Company = "Northwind",
        Title = "IT Director", CompanySize = 600, Industry = "Software", Country = "US", Source = "Demo request", Campaign = "Q3 webinar series",
        EngagementScore = 30, Stage = LeadStage.HandedOff, IsMql = true, Score = 105, Grade = "A", Persona = "IT Director",
        HandedOffAt = HandedOff, HandedOffVersion = 1, Revision = 2, CreatedAt = Created,
    };

    private static List<LeadEvent> Events =>
    [
        new() { LeadId = LeadId, Type = LeadEventType.Created, At = Created, ActorEmail = "marketing@demo.test", ToStage = LeadStage.Mql, SlaVersion = 1 },
        new()
        {
            LeadId = LeadId, Type = LeadEventType.HandedOff, At = HandedOff, ActorEmail = "marketing@demo.test", FromStage = LeadStage.Mql,
            ToStage = LeadStage.HandedOff, SlaVersion = 1,
        },
    ];
}
