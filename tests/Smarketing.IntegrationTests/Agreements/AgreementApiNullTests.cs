using System.Net;
using System.Text.Json;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Agreements;

/// <summary>
/// A program that sends null where the agreement needs a value (a whole section, a list, an item of a list, a name)
/// gets 400 with a message on that very field, never 500, and the draft stays exactly as it was.
/// </summary>
public sealed class AgreementApiNullTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private const string Clause = """{"title":"Monthly MQLs","owner":"marketing","metric":"mqlsDelivered","comparison":"atLeast","target":400,"period":"month"}""";
    private const string Condition = """{"field":"country","operator":"in","values":["US"]}""";
    private const string Definition = """{"fitRules":[],"scoringRules":[],"engagementScoreCounts":true,"mqlThreshold":50,"grades":[]}""";
    private const string Rule = """{"name":"Everyone","isDefault":true,"grades":[],"personas":[],"firstContact":{"value":4,"unit":"hours"},"decision":{"value":2,"unit":"days"},"followUpAttempts":6,"followUpWindow":{"value":10,"unit":"days"},"warningPercent":75}""";

    public static TheoryData<string, string, string> NullBodies => new()
    {
        // The whole section
        { "personas", "null", "personas" },
        { "marketingClauses", "null", "marketingClauses" },
        { "salesClauses", "null", "salesClauses" },
        { "leadDefinition", "null", "leadDefinition" },
        { "responseRules", "null", "responseRules" },
        { "calendar", "null", "calendar" },
        { "reasons", "null", "reasons" },

        // Personas: an item, its name, its lists and their items, its texts
        { "personas", "[null]", "personas[0]" },
        { "personas", """[{"name":null}]""", "personas[0].name" },
        { "personas", """[{"name":"CFO"},{"name":"CIO","jobTitles":null}]""", "personas[1].jobTitles" },
        { "personas", """[{"name":"CFO","jobTitles":["CFO",null]}]""", "personas[0].jobTitles[1]" },
        { "personas", """[{"name":"CFO","industries":null}]""", "personas[0].industries" },
        { "personas", """[{"name":"CFO","regions":[null]}]""", "personas[0].regions[0]" },
        { "personas", """[{"name":"CFO","preferredChannels":null}]""", "personas[0].preferredChannels" },
        { "personas", """[{"name":"CFO","pains":null}]""", "personas[0].pains" },
        { "personas", """[{"name":"CFO","goals":null}]""", "personas[0].goals" },
        { "personas", """[{"name":"CFO","notes":null}]""", "personas[0].notes" },

        // Clauses
        { "marketingClauses", "[null]", "marketingClauses[0]" },
        { "marketingClauses", """[{"title":null,"owner":"marketing","metric":"mqlsDelivered","comparison":"atLeast","target":400,"period":"month"}]""", "marketingClauses[0].title" },
        { "salesClauses", "[null]", "salesClauses[0]" },

        // Lead definition
        { "leadDefinition", Def("fitRules", """null"""), "leadDefinition.fitRules" },
        { "leadDefinition", Def("fitRules", """[null]"""), "leadDefinition.fitRules[0]" },
        { "leadDefinition", Def("fitRules", """[{"condition":null}]"""), "leadDefinition.fitRules[0].condition" },
        { "leadDefinition", Def("fitRules", """[{"condition":{"field":"country","operator":"in","values":null}}]"""), "leadDefinition.fitRules[0].condition.values" },
        { "leadDefinition", Def("fitRules", """[{"condition":{"field":"country","operator":"in","values":["US",null]}}]"""), "leadDefinition.fitRules[0].condition.values[1]" },
        { "leadDefinition", Def("scoringRules", """null"""), "leadDefinition.scoringRules" },
        { "leadDefinition", Def("scoringRules", """[null]"""), "leadDefinition.scoringRules[0]" },
        { "leadDefinition", Def("scoringRules", $$"""[{"name":null,"condition":{{Condition}},"points":5}]"""), "leadDefinition.scoringRules[0].name" },
        { "leadDefinition", Def("scoringRules", """[{"name":"Big","condition":null,"points":5}]"""), "leadDefinition.scoringRules[0].condition" },
        { "leadDefinition", Def("grades", """null"""), "leadDefinition.grades" },
        { "leadDefinition", Def("grades", """[null]"""), "leadDefinition.grades[0]" },
        { "leadDefinition", Def("grades", """[{"name":null,"minScore":10}]"""), "leadDefinition.grades[0].name" },

        // Response rules
        { "responseRules", """{"assignment":"openPool","rules":null}""", "responseRules.rules" },
        { "responseRules", """{"assignment":"openPool","rules":[null]}""", "responseRules.rules[0]" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"name\":\"Everyone\"", "\"name\":null")}}]}""", "responseRules.rules[0].name" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"grades\":[]", "\"grades\":null")}}]}""", "responseRules.rules[0].grades" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"personas\":[]", "\"personas\":[null]")}}]}""", "responseRules.rules[0].personas[0]" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"firstContact\":{\"value\":4,\"unit\":\"hours\"}", "\"firstContact\":null")}}]}""", "responseRules.rules[0].firstContact" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"decision\":{\"value\":2,\"unit\":\"days\"}", "\"decision\":null")}}]}""", "responseRules.rules[0].decision" },
        { "responseRules", $$"""{"assignment":"openPool","rules":[{{Rule.Replace("\"followUpWindow\":{\"value\":10,\"unit\":\"days\"}", "\"followUpWindow\":null")}}]}""", "responseRules.rules[0].followUpWindow" },

        // Calendar
        { "calendar", """{"timeZone":null,"workingHours":[{"day":"Monday","start":"09:00","end":"17:00"}]}""", "calendar.timeZone" },
        { "calendar", """{"timeZone":"America/New_York","workingHours":null}""", "calendar.workingHours" },
        { "calendar", """{"timeZone":"America/New_York","workingHours":[null]}""", "calendar.workingHours[0]" },
        { "calendar", """{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"09:00","end":"17:00"}],"holidays":null}""", "calendar.holidays" },

        // Reasons
        { "reasons", """{"rejectionReasons":null,"lostReasons":["Price"]}""", "reasons.rejectionReasons" },
        { "reasons", """{"rejectionReasons":["No budget",null],"lostReasons":["Price"]}""", "reasons.rejectionReasons[1]" },
        { "reasons", """{"rejectionReasons":["No budget"],"lostReasons":null}""", "reasons.lostReasons" },
        { "reasons", """{"rejectionReasons":["No budget"],"lostReasons":[null]}""", "reasons.lostReasons[0]" },
    };

    private static string Def(string property, string value) => Definition.Replace($"\"{property}\":[]", $"\"{property}\":{value}", StringComparison.Ordinal);

    private static string KeyOf(string section) =>
        section is "personas" or "marketingClauses" or "leadDefinition" ? "demo-marketing" : "demo-sales.manager";

    [Theory]
    [MemberData(nameof(NullBodies))]
    public async Task ANullWhereTheSectionNeedsAValue_Is400OnThatField_AndNothingIsStored(string section, string body, string field)
    {
        var before = await app.DraftAsync();

        var response = await app.ApiClient(KeyOf(section)).PutAsync($"/api/v1/agreement/draft/sections/{section}?revision=1", Json(body), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field], text);
        errors.GetProperty(field)[0].GetString()!.ShouldContain("null");

        var after = await app.DraftAsync();
        after.ContentRevision.ShouldBe(before.ContentRevision);
        after.Sections.Select(s => (s.Key, s.Value.Revision)).ShouldBe(before.Sections.Select(s => (s.Key, s.Value.Revision)));
        AgreementJson.Serialize(after.Content, Enum.Parse<AgreementSection>(section, ignoreCase: true))
            .ShouldBe(AgreementJson.Serialize(before.Content, Enum.Parse<AgreementSection>(section, ignoreCase: true)));
    }

    [Fact]
    public async Task TheMessages_SayWhichFieldIsNull_AndWhatToSendInstead()
    {
        var api = app.ApiClient("demo-marketing");

        async Task<JsonElement> ErrorsAsync(string body)
        {
            var response = await api.PutAsync("/api/v1/agreement/draft/sections/personas?revision=1", Json(body), Ct);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.GetProperty("errors");
        }

        (await ErrorsAsync("null")).GetProperty("personas")[0].GetString()
            .ShouldBe("The body is null; send the buyer personas section as JSON.");
        var errors = await ErrorsAsync("""[{"name":null,"jobTitles":["CFO",null],"regions":null}]""");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["personas[0].name", "personas[0].jobTitles[1]", "personas[0].regions"], ignoreOrder: true);
        errors.GetProperty("personas[0].name")[0].GetString().ShouldBe("'name' can't be null; send a text (\"\" for none).");
        errors.GetProperty("personas[0].jobTitles[1]")[0].GetString().ShouldBe("'jobTitles' has a null item at [1]; remove it or send a value.");
        errors.GetProperty("personas[0].regions")[0].GetString().ShouldBe("'regions' can't be null; leave it out or send a list ([] for none).");
    }

    [Fact]
    public async Task ANullSummaryInTheDraftHeader_Is400OnSummary_AndTheHeaderStaysAsItWas()
    {
        var before = await app.DraftAsync();

        var response = await app.ApiClient("demo-marketing").PutAsync("/api/v1/agreement/draft/header",
            Json($$"""{"effectiveFrom":"2027-01-04","summary":null,"expectedContentRevision":{{before.ContentRevision}}}"""), Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").GetProperty("summary")[0].GetString()!.ShouldContain("null");
        var after = await app.DraftAsync();
        after.Summary.ShouldBe(before.Summary);
        after.ContentRevision.ShouldBe(before.ContentRevision);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("""{"department":null,"contentRevision":1}""")]
    [InlineData("""{"department":"marketing","contentRevision":null}""")]
    public async Task SigningWithNulls_Is400_AndAddsNoSignature(string body)
    {
        var response = await app.ApiClient("demo-marketing").PostAsync("/api/v1/agreement/draft/sign", Json(body), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync(Ct));
        (await app.DraftAsync()).MarketingSignature.ShouldBeNull();
    }
}
