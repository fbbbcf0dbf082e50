using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Smarketing.IntegrationTests.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Api;

/// <summary>
/// What an integration gets for a request the API can't read: the media type, the size, the JSON, the fields and the
/// query string are each refused with a 4xx problem naming the problem, before anything is written.
/// </summary>
public sealed class StrictInputTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Rep1 => app.ApiClient("demo-rep1");

    private static ByteArrayContent Body(string text, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response) =>
        (await response.ProblemAsync(400)).GetProperty("errors");

    private async Task<JsonElement> LeadAsync(Guid id) => await (await Rep1.GetAsync($"/api/v1/leads/{id}", Ct)).JsonAsync();

    [Theory]
    [InlineData("application/json; charset=bogus")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain")]
    [InlineData(null)]
    public async Task A_body_that_is_not_utf8_json_is_415_and_the_lead_stays_as_it_was(string? contentType)
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var response = await Rep1.PostAsync($"/api/v1/leads/{id}/contacts", Body("""{"channel":"phone","outcome":"connected"}""", contentType), Ct);

        var problem = await response.ProblemAsync(415);
        problem.TryGetProperty("detail", out var detail).ShouldBeTrue(problem.GetRawText());
        detail.GetString()!.ShouldStartWith("Send the body as JSON in UTF-8");
        (await LeadAsync(id)).GetProperty("contactAttempts").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_body_sent_to_an_action_that_takes_none_is_415_and_nothing_moves()
    {
        var id = await Pipeline.InThePoolAsync(app);

        var response = await Rep1.PostAsync($"/api/v1/leads/{id}/claim", Body("""{"owner":"me"}"""), Ct);

        (await response.ProblemAsync(415)).GetProperty("title").GetString().ShouldBe("This request takes no body");
        (await LeadAsync(id)).GetProperty("stage").GetString().ShouldBe("handedOff");
    }

    [Fact]
    public async Task An_empty_json_object_sent_to_an_action_that_takes_no_body_is_accepted_as_no_body()
    {
        var id = await Pipeline.InThePoolAsync(app);

        var response = await Rep1.PostAsync($"/api/v1/leads/{id}/claim", Body("{ }"), Ct);

        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        (await LeadAsync(id)).GetProperty("stage").GetString().ShouldBe("claimed");
    }

    [Fact]
    public async Task A_body_over_a_megabyte_is_413_and_the_reason_is_not_stored()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var response = await app.ApiClient("demo-sales.manager").PostAsync($"/api/v1/leads/{id}/reassign",
            Body($$"""{"ownerEmail":"{{Demo.Rep2}}","reason":"{{new string('x', 5_000_000)}}"}"""), Ct);

        await response.ProblemAsync(413);
        (await LeadAsync(id)).GetProperty("owner").GetString().ShouldBe(Demo.Rep1);
    }

    [Theory]
    [InlineData("""{"channel":"phone","outcome":""", "body", "The body is not valid JSON (line 1, byte ")]
    [InlineData("""{"channel":"phone","outcome":"connected","channel":"email"}""", "channel", "'channel' is given twice; send each field once.")]
    [InlineData("""{"channel":"phone","outcome":"connected","notes":"typo"}""", "notes", "'notes' is not a field here. The fields are: channel, outcome, note, occurredAt.")]
    [InlineData("""{"channel":1,"outcome":"connected"}""", "channel", "'channel' must be one of phone, email, meeting, linkedIn, other, not 1.")]
    [InlineData("""{"channel":"fax","outcome":"connected"}""", "channel", "'channel' must be one of phone, email, meeting, linkedIn, other, not 'fax'.")]
    [InlineData("""[{"channel":"phone","outcome":"connected"}]""", "body", "The body must be an object, not a list.")]
    public async Task Json_that_cannot_be_read_is_400_saying_what_and_where(string json, string field, string message)
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var errors = await ErrorsAsync(await Rep1.PostAsync($"/api/v1/leads/{id}/contacts", Body(json), Ct));

        errors.GetProperty(field)[0].GetString()!.ShouldStartWith(message);
        (await LeadAsync(id)).GetProperty("contactAttempts").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_contact_logged_with_an_empty_object_is_400_naming_channel_and_outcome_and_the_clock_keeps_running()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var errors = await ErrorsAsync(await Rep1.PostAsync($"/api/v1/leads/{id}/contacts", Body("{}"), Ct));

        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["channel", "outcome"], ignoreOrder: true);
        errors.GetProperty("channel")[0].GetString().ShouldBe("'channel' is required; send one of phone, email, meeting, linkedIn, other.");
        var lead = await LeadAsync(id);
        lead.GetProperty("contactAttempts").GetInt32().ShouldBe(0);
        lead.GetProperty("firstContactAt").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("reassign", "demo-sales.manager", "\"ownerEmail\":\"rep2@demo.test\",", "reason", "Reason must be at most 500 characters.")]
    [InlineData("handoff", "demo-marketing", "", "overrideReason", "The reason for handing off a lead that is not an MQL must be at most 500 characters.")]
    public async Task A_free_text_reason_over_its_limit_is_400_naming_it(string action, string key, string otherFields, string field, string message)
    {
        var id = action == "handoff" ? (await Pipeline.CreateAsync(app)).Lead.Id : await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var before = await LeadAsync(id);

        var errors = await ErrorsAsync(await app.ApiClient(key).PostAsync($"/api/v1/leads/{id}/{action}",
            Body($$"""{{{otherFields}}"{{field}}":"{{new string('x', 501)}}"}"""), Ct));

        errors.GetProperty(field)[0].GetString().ShouldBe(message);
        (await LeadAsync(id)).GetProperty("revision").GetInt32().ShouldBe(before.GetProperty("revision").GetInt32());
    }

    [Fact]
    public async Task A_page_beyond_the_last_is_empty_never_the_first_page_again()
    {
        await Pipeline.CreateAsync(app);
        var marketing = app.ApiClient("demo-marketing");

        var page = await (await marketing.GetAsync("/api/v1/leads?page=2147483647&pageSize=500", Ct)).JsonAsync();

        page.GetProperty("items").GetArrayLength().ShouldBe(0);
        page.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        page.GetProperty("page").GetInt32().ShouldBe(int.MaxValue);
    }

    [Theory]
    [InlineData("?page=0", "page", "'page' starts at 1, not 0.")]
    [InlineData("?pageSize=501", "pageSize", "'pageSize' must be between 1 and 500, not 501.")]
    [InlineData("?page=abc", "page", "'page' must be a whole number, not 'abc'.")]
    [InlineData("?page=99999999999", "page", "'page' is out of range: 99999999999 does not fit a whole number.")]
    [InlineData("?page=1&page=2", "page", "'page' is given 2 times; send it once.")]
    [InlineData("?pagesize=10&limit=5", "limit", "'limit' is not a parameter of this request; it takes externalId, email, stage, owner, search, page, pageSize.")]
    [InlineData("?stage=closed", "stage", "Unknown stage 'closed'.")]
    public async Task A_query_parameter_that_cannot_be_used_is_400_naming_it(string query, string field, string message)
    {
        var errors = await ErrorsAsync(await app.ApiClient("demo-marketing").GetAsync("/api/v1/leads" + query, Ct));

        errors.GetProperty(field)[0].GetString()!.ShouldStartWith(message);
    }

    [Theory]
    [InlineData("/api/v1/agreement/diff?from=1", "to", "'to' is required; send a whole number.")]
    [InlineData("/api/v1/agreement/diff?from=one&to=2", "from", "'from' must be a whole number, not 'one'.")]
    [InlineData("/api/v1/reports/scorecard?from=0001-01-01&to=0001-01-31", "from", "'from' must be between 2000-01-01 and 2099-12-31.")]
    [InlineData("/api/v1/reports/response-times?from=2026-09-01&to=9999-12-31", "to", "'to' must be between 2000-01-01 and 2099-12-31.")]
    [InlineData("/api/v1/reports/response-times?from=2026-09-01&to=2026-09-30&groupBy=month", "groupBy", "groupBy must be rep, team or week, not 'month'.")]
    [InlineData("/api/v1/me?verbose=true", "verbose", "'verbose' is not a parameter of this request; it takes none.")]
    public async Task Every_endpoint_names_the_query_parameter_it_cannot_use(string path, string field, string message)
    {
        var errors = await ErrorsAsync(await app.ApiClient("demo-leadership").GetAsync(path, Ct));

        errors.GetProperty(field)[0].GetString().ShouldBe(message);
    }
}
