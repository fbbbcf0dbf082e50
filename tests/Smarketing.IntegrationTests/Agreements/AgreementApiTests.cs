using System.Net;
using System.Text.Json;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>/api/v1/agreement as product.md describes it: the version in force, every version, the diff, and the draft's writes.</summary>
public sealed class AgreementApiTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static readonly string[] VersionFields =
    [
        "number", "status", "effectiveFrom", "effectiveAt", "adoptedAt", "marketingSignature", "salesSignature", "contentRevision", "summary",
        "sectionRevisions", "clauses", "personas", "leadDefinition", "responseRules", "calendar", "rejectionReasons", "lostReasons",
    ];

    private static HashSet<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return await BodyOf(response);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await BodyOf(response);
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    [Fact]
    public async Task TheAgreementInForce_IsVersion1_WithItsSignaturesAndTheCalendarInProductMdsShape()
    {
        var version = await Ok(await app.ApiClient("demo-rep1").GetAsync("/api/v1/agreement", Ct));

        Names(version).ShouldBe(VersionFields, ignoreOrder: true);
        version.GetProperty("number").GetInt32().ShouldBe(1);
        version.GetProperty("status").GetString().ShouldBe("inForce");
        version.GetProperty("effectiveFrom").GetString().ShouldBe("2026-07-01");
        version.GetProperty("marketingSignature").GetProperty("signedBy").GetString().ShouldBe("marketing@demo.test");
        version.GetProperty("marketingSignature").GetProperty("name").GetString().ShouldBe("Maya Marketing");
        version.GetProperty("salesSignature").GetProperty("name").GetString().ShouldBe("Sam Salesmanager");

        var calendar = version.GetProperty("calendar");
        Names(calendar).ShouldBe(["timeZone", "workingHours", "holidays"], ignoreOrder: true);
        calendar.GetProperty("timeZone").GetString().ShouldBe("America/New_York");
        var hours = calendar.GetProperty("workingHours").EnumerateArray().ToList();
        hours.Count.ShouldBe(5);
        hours[0].GetRawText().ShouldBe("""{"day":"Monday","start":"09:00","end":"17:00"}""");
        hours.Select(h => h.GetProperty("day").GetString()).ShouldBe(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]);
        calendar.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()).ShouldContain("2026-12-25");

        version.GetProperty("clauses").GetArrayLength().ShouldBe(7);
        version.GetProperty("personas").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["IT Director", "Operations Manager", "Startup Founder"]);
        version.GetProperty("responseRules").GetProperty("assignment").GetString().ShouldBe("openPool");
        version.GetProperty("rejectionReasons").EnumerateArray().Select(r => r.GetString()).ShouldContain("No budget");
    }

    [Fact]
    public async Task TheVersionsList_NewestFirst_SaysWhichIsTheDraftAndWhichIsInForce()
    {
        var versions = (await Ok(await app.ApiClient("demo-leadership").GetAsync("/api/v1/agreement/versions", Ct))).EnumerateArray().ToList();

        versions.Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("status").GetString()))
            .ShouldBe([(2, "draft"), (1, "inForce")]);
        Names(versions[0]).ShouldBe(["number", "status", "effectiveFrom", "adoptedAt", "marketingSignature", "salesSignature", "summary"], ignoreOrder: true);
        versions[0].GetProperty("effectiveFrom").GetString().ShouldBe("2027-01-04");
        versions[0].GetProperty("marketingSignature").ValueKind.ShouldBe(JsonValueKind.Null);
        versions[1].GetProperty("adoptedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task EachVersion_IsReadableByNumber_AndAnUnknownNumberIs404()
    {
        var api = app.ApiClient("demo-rep1");

        var draft = await Ok(await api.GetAsync("/api/v1/agreement/versions/2", Ct));
        var unknown = await api.GetAsync("/api/v1/agreement/versions/99", Ct);

        Names(draft).ShouldBe(VersionFields, ignoreOrder: true);
        draft.GetProperty("status").GetString().ShouldBe("draft");
        draft.GetProperty("personas").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("RevOps Lead");
        draft.GetProperty("calendar").GetProperty("holidays").EnumerateArray().Select(h => h.GetString()).ShouldContain("2027-12-31");
        (await Problem(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString().ShouldBe("Version 99 does not exist.");
    }

    [Fact]
    public async Task TheDiffBetweenVersions1And2_ReadsInPlainWords_SectionBySection()
    {
        var diff = await Ok(await app.ApiClient("demo-leadership").GetAsync("/api/v1/agreement/diff?from=1&to=2", Ct));

        diff.GetProperty("from").GetInt32().ShouldBe(1);
        diff.GetProperty("to").GetInt32().ShouldBe(2);
        diff.GetProperty("changes").EnumerateArray()
            .Select(c => (c.GetProperty("section").GetString(), c.GetProperty("text").GetString()))
            .ShouldBe(
            [
                ("marketingClauses", "Clause 'Monthly MQL volume': MQLs delivered at least 400 per month -> MQLs delivered at least 450 per month"),
                ("personas", "Persona 'RevOps Lead' added"),
                ("responseRules", "First contact for A-leads: 4 business hours -> 2 business hours"),
                ("calendar", "Holiday Fri 2027-12-31 added"),
                ("reasons", "Rejection reason 'Student or job seeker' added"),
            ]);
        await Problem(await app.ApiClient("demo-leadership").GetAsync("/api/v1/agreement/diff?from=1&to=7", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvalidSection_Is400WithCamelCaseFieldKeys_AndNothingIsStored()
    {
        var api = app.ApiClient("demo-sales.manager");
        var seen = await app.DraftAsync();
        var edited = AgreementJson.Clone(seen.Content);
        edited.Calendar.TimeZone = "Mars/Olympus_Mons";
        edited.Calendar.WorkingHours[0].End = new TimeOnly(8, 0);

        var response = await api.PutAsync("/api/v1/agreement/draft/sections/calendar?revision=1", Json(AgreementJson.Serialize(edited, AgreementSection.Calendar)), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Names(errors).ShouldBe(["calendar.timeZone", "calendar.workingHours[0].end"], ignoreOrder: true);
        errors.GetProperty("calendar.timeZone")[0].GetString()
            .ShouldBe("Time zone 'Mars/Olympus_Mons' is not a known IANA time zone (e.g. America/New_York, Europe/Berlin).");
        errors.GetProperty("calendar.workingHours[0].end")[0].GetString().ShouldBe("Monday 09:00-08:00: start must be before end (an end of 00:00 means midnight).");
        var after = await app.DraftAsync();
        after.Sections[AgreementSection.Calendar].Revision.ShouldBe(1);
        after.Content.Calendar.TimeZone.ShouldBe("America/New_York");
        after.ContentRevision.ShouldBe(seen.ContentRevision);
    }

    [Fact]
    public async Task OverlappingResponseRules_Are400NamingBothRules_AndNothingIsStored()
    {
        var seen = await app.DraftAsync();
        var edited = AgreementJson.Clone(seen.Content);
        edited.ResponseRules.Rules.Add(new ResponseRule { Name = "Founders", Personas = ["Startup Founder"] });

        var response = await app.ApiClient("demo-sales.manager").PutAsync(
            "/api/v1/agreement/draft/sections/responseRules?revision=1", Json(AgreementJson.Serialize(edited, AgreementSection.ResponseRules)), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.GetProperty("responseRules.rules")[0].GetString()
            .ShouldBe("Rules 'A-leads' and 'Founders' overlap: a lead could match both. Narrow their grades or personas.");
        (await app.DraftAsync()).Sections[AgreementSection.ResponseRules].Revision.ShouldBe(1);
    }

    [Fact]
    public async Task APersonaSentTwiceWithTheSameId_Is400_AndTheDiffStillReads()
    {
        var seen = await app.DraftAsync();
        var edited = AgreementJson.Clone(seen.Content);
        var copy = AgreementJson.Clone(seen.Content).Personas[0];
        copy.Name = "IT Director (EMEA)";
        edited.Personas.Add(copy);

        var response = await app.ApiClient("demo-marketing").PutAsync(
            "/api/v1/agreement/draft/sections/personas?revision=1", Json(AgreementJson.Serialize(edited, AgreementSection.Personas)), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.GetProperty("personas")[0].GetString().ShouldStartWith("Each persona needs its own id;");
        (await app.DraftAsync()).Content.Personas.Count.ShouldBe(seen.Content.Personas.Count);
        await Ok(await app.ApiClient("demo-marketing").GetAsync("/api/v1/agreement/diff?from=1&to=2", Ct));
    }

    [Fact]
    public async Task AClauseWithAMetricOutsideTheCatalogue_Is400()
    {
        var response = await app.ApiClient("demo-marketing").PutAsync("/api/v1/agreement/draft/sections/marketingClauses?revision=1",
            Json("""[{"title":"Mystery metric","owner":"marketing","metric":99,"comparison":"atLeast","target":5,"period":"month"}]"""), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        errors.GetProperty("marketingClauses[0].metric")[0].GetString()
            .ShouldBe("'[0].metric' must be one of mqlsDelivered, mqlAcceptanceRate, firstContactWithinResponseRule, decisionWithinResponseRule, followUpCadenceMet, sqlToWonRate, not 99.");
        await Ok(await app.ApiClient("demo-marketing").GetAsync("/api/v1/agreement/diff?from=1&to=2", Ct));
    }

    [Fact]
    public async Task ASaveWithoutTheRevisionItEdited_Is400_SoNoOnesWorkIsOverwrittenBlindly()
    {
        var seen = await app.DraftAsync();

        var response = await app.ApiClient("demo-marketing").PutAsync(
            "/api/v1/agreement/draft/sections/personas", Json(AgreementJson.Serialize(seen.Content, AgreementSection.Personas)), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Names(errors).ShouldBe(["revision"]);
    }

    [Theory]
    [InlineData("""{"timeZone": "America/New_York", "workingHours": [""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task AMalformedBody_Is400_Not500(string body)
    {
        var response = await app.ApiClient("demo-sales.manager").PutAsync("/api/v1/agreement/draft/sections/calendar?revision=1", Json(body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        (await app.DraftAsync()).Sections[AgreementSection.Calendar].Revision.ShouldBe(1);
    }

    [Fact]
    public async Task ABodyOfTheWrongShape_Is400NamingTheSection()
    {
        var response = await app.ApiClient("demo-marketing").PutAsync(
            "/api/v1/agreement/draft/sections/personas?revision=1", Json("""{"name":"CFO"}"""), Ct);

        var errors = (await Problem(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Names(errors).ShouldBe(["personas"]);
        errors.GetProperty("personas")[0].GetString().ShouldBe("The body must be a list, not an object.");
    }

    [Fact]
    public async Task AnUnknownSection_Is404ListingTheSections()
    {
        var response = await app.ApiClient("demo-marketing").PutAsync("/api/v1/agreement/draft/sections/pricing?revision=1", Json("{}"), Ct);

        (await Problem(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString()
            .ShouldBe("There is no section 'pricing'. Sections: marketingClauses, salesClauses, personas, leadDefinition, responseRules, calendar, reasons.");
    }

    [Fact]
    public async Task SavingFromAnOldRevision_Is409_WithTheOtherPersonsChangesInWords()
    {
        var seen = await app.DraftAsync();
        var first = AgreementJson.Clone(seen.Content);
        first.Reasons.RejectionReasons.Add("Competitor");
        var second = AgreementJson.Clone(seen.Content);
        second.Reasons.LostReasons.Add("Budget cut");
        var api = app.ApiClient("demo-sales.manager");

        var saved = await api.PutAsync("/api/v1/agreement/draft/sections/reasons?revision=1", Json(AgreementJson.Serialize(first, AgreementSection.Reasons)), Ct);
        var refused = await api.PutAsync("/api/v1/agreement/draft/sections/reasons?revision=1", Json(AgreementJson.Serialize(second, AgreementSection.Reasons)), Ct);

        (await Ok(saved)).GetProperty("revision").GetInt32().ShouldBe(2);
        var problem = await Problem(refused, HttpStatusCode.Conflict);
        problem.GetProperty("currentRevision").GetInt32().ShouldBe(2);
        problem.GetProperty("theirChanges").EnumerateArray().Select(c => c.GetString()).ShouldBe(["Rejection reason 'Competitor' added"]);
        problem.GetProperty("detail").GetString().ShouldStartWith($"{Sales} saved rejection and lost reasons at ");
        var stored = (await app.DraftAsync()).Content.Reasons;
        stored.RejectionReasons.ShouldContain("Competitor");
        stored.LostReasons.ShouldNotContain("Budget cut");
    }

    [Fact]
    public async Task SigningOverTheApi_AdoptsVersion2_WhichTheAgreementEndpointServesFromItsEffectiveDate()
    {
        var draft = await Ok(await app.ApiClient("demo-marketing").GetAsync("/api/v1/agreement/draft", Ct));
        var revision = draft.GetProperty("contentRevision").GetInt32();

        var marketing = await Ok(await app.ApiClient("demo-marketing").PostAsync(
            "/api/v1/agreement/draft/sign", Json($$"""{"department":"marketing","contentRevision":{{revision}}}"""), Ct));
        var sales = await Ok(await app.ApiClient("demo-sales.manager").PostAsync(
            "/api/v1/agreement/draft/sign", Json($$"""{"department":"sales","contentRevision":{{revision}}}"""), Ct));

        marketing.GetProperty("status").GetString().ShouldBe("draft");
        sales.GetProperty("number").GetInt32().ShouldBe(2);
        sales.GetProperty("status").GetString().ShouldBe("scheduled");
        sales.GetProperty("salesSignature").GetProperty("name").GetString().ShouldBe("Sam Salesmanager");
        sales.GetProperty("marketingSignature").GetProperty("name").GetString().ShouldBe("Maya Marketing");
        await Problem(await app.ApiClient("demo-marketing").GetAsync("/api/v1/agreement/draft", Ct), HttpStatusCode.NotFound);
        (await Ok(await app.ApiClient("demo-rep1").GetAsync("/api/v1/agreement", Ct))).GetProperty("number").GetInt32().ShouldBe(1);

        app.Clock.Advance(Version2Starts - app.Clock.GetUtcNow());

        var inForce = await Ok(await app.ApiClient("demo-rep1").GetAsync("/api/v1/agreement", Ct));
        inForce.GetProperty("number").GetInt32().ShouldBe(2);
        inForce.GetProperty("status").GetString().ShouldBe("inForce");
        inForce.GetProperty("effectiveFrom").GetString().ShouldBe("2027-01-04");
        var versions = (await Ok(await app.ApiClient("demo-rep1").GetAsync("/api/v1/agreement/versions", Ct))).EnumerateArray()
            .Select(v => (v.GetProperty("number").GetInt32(), v.GetProperty("status").GetString())).ToList();
        versions.ShouldBe([(2, "inForce"), (1, "superseded")]);
        var old = await Ok(await app.ApiClient("demo-rep1").GetAsync("/api/v1/agreement/versions/1", Ct));
        old.GetProperty("status").GetString().ShouldBe("superseded");
        old.GetProperty("personas").GetArrayLength().ShouldBe(3);
    }
}
