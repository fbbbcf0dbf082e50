using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.IntegrationTests.Agreements;
using static Smarketing.IntegrationTests.Agreements.AgreementApp;

namespace Smarketing.IntegrationTests.Api;

/// <summary>
/// The draft agreement stores only values it can work with: an unknown unit, a duration or a count beyond its maximum,
/// a missing field, each is a 400 on that field and the draft stays as it was.
/// </summary>
public sealed class StrictAgreementInputTests(AgreementApp app) : IClassFixture<AgreementApp>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await app.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors");
    }

    /// <summary>The draft's response rules as JSON, with <paramref name="edit"/> applied to its first rule.</summary>
    private async Task<string> RulesWithAsync(Action<JsonObject> edit)
    {
        var draft = await app.DraftAsync();
        var rules = JsonNode.Parse(AgreementJson.Serialize(draft.Content, AgreementSection.ResponseRules))!;
        edit(rules["rules"]![0]!.AsObject());
        return rules.ToJsonString();
    }

    private async Task ShouldBeUnchangedAsync(AgreementVersionView before)
    {
        var after = await app.DraftAsync();
        after.ContentRevision.ShouldBe(before.ContentRevision);
        after.Summary.ShouldBe(before.Summary);
        after.EffectiveFrom.ShouldBe(before.EffectiveFrom);
        after.Sections.Select(s => s.Value.Revision).ShouldBe(before.Sections.Select(s => s.Value.Revision));
    }

    [Theory]
    [InlineData("decision", "99")]
    [InlineData("decision", "-1")]
    [InlineData("followUpWindow", "99")]
    [InlineData("followUpWindow", "\"weeks\"")]
    [InlineData("firstContact", "\"2\"")]
    public async Task An_unknown_duration_unit_is_400_naming_the_field_whether_number_or_name(string duration, string unit)
    {
        var before = await app.DraftAsync();
        var body = await RulesWithAsync(rule => rule[duration]!["unit"] = JsonNode.Parse(unit));

        var errors = await ErrorsAsync(await app.ApiClient("demo-sales.manager").PutAsync(
            $"/api/v1/agreement/draft/sections/responseRules?revision={before.Sections[AgreementSection.ResponseRules].Revision}", Json(body), Ct));

        errors.GetProperty($"responseRules.rules[0].{duration}.unit")[0].GetString()
            .ShouldBe($"'rules[0].{duration}.unit' must be one of minutes, hours, days, not {unit.Replace('"', '\'')}.");
        await ShouldBeUnchangedAsync(before);
    }

    [Theory]
    [InlineData("firstContact", 366, "days", "responseRules.rules[0].firstContact.value", "first-contact budget must be at most 365 days")]
    [InlineData("decision", 8761, "hours", "responseRules.rules[0].decision.value", "accept-or-reject budget must be at most 8,760 hours")]
    [InlineData("followUpWindow", 2147483647, "minutes", "responseRules.rules[0].followUpWindow.value", "follow-up window must be at most 525,600 minutes")]
    public async Task A_duration_beyond_365_business_days_is_400(string duration, int value, string unit, string field, string message)
    {
        var before = await app.DraftAsync();
        var body = await RulesWithAsync(rule => rule[duration] = new JsonObject { ["value"] = value, ["unit"] = unit });

        var errors = await ErrorsAsync(await app.ApiClient("demo-sales.manager").PutAsync(
            $"/api/v1/agreement/draft/sections/responseRules?revision={before.Sections[AgreementSection.ResponseRules].Revision}", Json(body), Ct));

        errors.GetProperty(field)[0].GetString()!.ShouldContain(message);
        await ShouldBeUnchangedAsync(before);
    }

    [Fact]
    public async Task Follow_up_attempts_and_scoring_points_have_a_maximum()
    {
        var before = await app.DraftAsync();
        var rules = await RulesWithAsync(rule => rule["followUpAttempts"] = int.MaxValue);
        var definition = JsonNode.Parse(AgreementJson.Serialize(before.Content, AgreementSection.LeadDefinition))!;
        definition["scoringRules"]![0]!["points"] = int.MaxValue;

        var attempts = await ErrorsAsync(await app.ApiClient("demo-sales.manager").PutAsync(
            $"/api/v1/agreement/draft/sections/responseRules?revision={before.Sections[AgreementSection.ResponseRules].Revision}", Json(rules), Ct));
        var points = await ErrorsAsync(await app.ApiClient("demo-marketing").PutAsync(
            $"/api/v1/agreement/draft/sections/leadDefinition?revision={before.Sections[AgreementSection.LeadDefinition].Revision}", Json(definition.ToJsonString()), Ct));

        attempts.GetProperty("responseRules.rules[0].followUpAttempts")[0].GetString()!.ShouldEndWith("follow-up attempts must be at most 100.");
        points.GetProperty("leadDefinition.scoringRules[0].points")[0].GetString()!.ShouldEndWith("points must be between -1000 and 1000.");
        await ShouldBeUnchangedAsync(before);
    }

    [Fact]
    public async Task A_working_hours_range_without_an_end_is_400_naming_end_not_until_midnight()
    {
        var before = await app.DraftAsync();

        var errors = await ErrorsAsync(await app.ApiClient("demo-sales.manager").PutAsync(
            $"/api/v1/agreement/draft/sections/calendar?revision={before.Sections[AgreementSection.Calendar].Revision}",
            Json("""{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"09:00"}],"holidays":[]}"""), Ct));

        errors.GetProperty("calendar.workingHours[0].end")[0].GetString().ShouldBe("'end' is required; send a time of day like 09:00.");
        await ShouldBeUnchangedAsync(before);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"expectedContentRevision":1}""")]
    public async Task Saving_the_draft_header_without_its_fields_is_400_and_keeps_the_date_and_summary(string body)
    {
        var before = await app.DraftAsync();

        var errors = await ErrorsAsync(await app.ApiClient("demo-marketing").PutAsync("/api/v1/agreement/draft/header", Json(body), Ct));

        errors.GetProperty("effectiveFrom")[0].GetString().ShouldBe("'effectiveFrom' is required; send a date like 2026-11-01.");
        errors.GetProperty("summary")[0].GetString().ShouldBe("'summary' is required; send a text.");
        await ShouldBeUnchangedAsync(before);
    }

    [Theory]
    [InlineData("99", "must be one of mqlsDelivered, mqlAcceptanceRate,")]
    [InlineData("\"firstContactWithinResponseRule\"", "is a sales metric, not marketing's")]
    public async Task An_invalid_metric_with_a_stale_revision_is_400_on_the_metric_not_500(string metric, string message)
    {
        var before = await app.DraftAsync();
        var stale = before.Sections[AgreementSection.MarketingClauses].Revision - 1;
        var clauses = JsonNode.Parse(AgreementJson.Serialize(before.Content, AgreementSection.MarketingClauses))!;
        clauses[0]!["metric"] = JsonNode.Parse(metric);

        var errors = await ErrorsAsync(await app.ApiClient("demo-marketing").PutAsync(
            $"/api/v1/agreement/draft/sections/marketingClauses?revision={stale}", Json(clauses.ToJsonString()), Ct));

        errors.GetProperty("marketingClauses[0].metric")[0].GetString()!.ShouldContain(message);
        await ShouldBeUnchangedAsync(before);
    }
}
