using System.Net;
using System.Text;
using System.Text.Json;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// Lead intake and the lead transitions with nulls in the body: each answers 400 problem details (a field message where
/// there is a field), never 500, and nothing is created or moved.
/// </summary>
public sealed class LeadApiNullTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> BadRequestAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonDocument.Parse(text).RootElement;
    }

    [Theory]
    [InlineData("""{"email":null,"firstName":"Nil"}""", "email", "Email is required.")]
    [InlineData("""{"email":"nil@example.test","engagementScore":null}""", null, null)]
    [InlineData("""{"email":"nil@example.test","companySize":"many"}""", null, null)]
    [InlineData("null", null, null)]
    public async Task PostingALeadWithNulls_Is400_AndCreatesNothing(string body, string? field, string? message)
    {
        var api = app.ApiClient("demo-marketing");
        var before = (await (await api.GetAsync("/api/v1/leads?pageSize=1", Ct)).JsonAsync()).GetProperty("total").GetInt32();

        var problem = await BadRequestAsync(await api.PostAsync("/api/v1/leads", Json(body), Ct));

        if (field is not null)
        {
            problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(message);
        }

        (await (await api.GetAsync("/api/v1/leads?pageSize=1", Ct)).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(before);
    }

    [Theory]
    [InlineData("contacts", "null")]
    [InlineData("contacts", """{"channel":null,"outcome":"connected"}""")]
    [InlineData("contacts", """{"channel":"phone","outcome":null}""")]
    [InlineData("reject", "null")]
    [InlineData("reject", """{"reason":null}""")]
    [InlineData("reassign", """{"ownerEmail":null,"reason":null}""")]
    [InlineData("won", """{"amount":null}""")]
    [InlineData("lost", "null")]
    public async Task ATransitionWithNulls_Is400_AndTheLeadStaysAsItWas(string action, string body)
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var key = action == "reassign" ? "demo-sales.manager" : "demo-rep1";
        var before = await (await app.ApiClient(key).GetAsync($"/api/v1/leads/{id}", Ct)).JsonAsync();

        await BadRequestAsync(await app.ApiClient(key).PostAsync($"/api/v1/leads/{id}/{action}", Json(body), Ct));

        var after = await (await app.ApiClient(key).GetAsync($"/api/v1/leads/{id}", Ct)).JsonAsync();
        after.GetProperty("stage").GetString().ShouldBe(before.GetProperty("stage").GetString());
        after.GetProperty("revision").GetInt32().ShouldBe(before.GetProperty("revision").GetInt32());
        after.GetProperty("contactAttempts").GetInt32().ShouldBe(0);
    }
}
