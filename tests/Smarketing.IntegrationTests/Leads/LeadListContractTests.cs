using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// GET /api/v1/leads, /leads/{id} and /leads/{id}/sla as docs/api.md promises them to integrators: every filter and
/// paging parameter, the shapes, and the 400, 401 and 403 answers. The clock stands still, so leads made in one test
/// share their creation instant and paging must still keep one order.
/// </summary>
public sealed class LeadListContractTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private HttpClient Marketing => app.ApiClient("demo-marketing");

    private async Task<JsonElement> PageAsync(string query, HttpClient? client = null)
    {
        var response = await (client ?? Marketing).GetAsync($"/api/v1/leads?{query}", Pipeline.Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Pipeline.Ct));
        return await response.JsonAsync();
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>Leads of one company made for the test, all at the same instant.</summary>
    private async Task<(string Company, List<Guid> Ids)> LeadsOfOneCompanyAsync(int count)
    {
        var company = $"Contract {Guid.NewGuid():N}";
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var request = Pipeline.Mql();
            request.Company = company;
            ids.Add((await Pipeline.CreateAsync(app, request)).Lead.Id);
        }

        return (company, ids);
    }

    [Fact]
    public async Task ExternalId_and_email_each_find_exactly_their_lead_and_the_email_in_any_case()
    {
        var externalId = $"crm-{Guid.NewGuid():N}";
        var email = Demo.UniqueEmail("contract");
        var lead = (await Pipeline.CreateAsync(app, Pipeline.Mql(externalId, email))).Lead;
        await Pipeline.CreateAsync(app, Pipeline.Mql($"crm-{Guid.NewGuid():N}"));

        foreach (var query in new[] { $"externalId={externalId}", $"email={Uri.EscapeDataString(email.ToUpperInvariant())}", $"externalId={externalId}&email={Uri.EscapeDataString(email)}" })
        {
            var page = await PageAsync(query);
            page.GetProperty("total").GetInt32().ShouldBe(1, query);
            Ids(page).ShouldBe([lead.Id], query);
        }

        (await PageAsync($"externalId={externalId}&email={Uri.EscapeDataString(Demo.UniqueEmail("other"))}")).GetProperty("total").GetInt32()
            .ShouldBe(0, "filters combine: both must hold");
    }

    [Fact]
    public async Task Stage_and_owner_together_return_only_that_reps_leads_in_that_stage_with_their_total()
    {
        var claimed = await Pipeline.ClaimedByAsync(app, Demo.Rep3);
        await using var db = app.OpenDatabase();
        var expected = await db.Leads.CountAsync(l => l.Stage == LeadStage.Claimed && l.OwnerEmail == Demo.Rep3, Pipeline.Ct);

        var page = await PageAsync($"stage=claimed&owner={Uri.EscapeDataString(Demo.Rep3.ToUpperInvariant())}&pageSize=500");

        page.GetProperty("total").GetInt32().ShouldBe(expected);
        Ids(page).ShouldContain(claimed);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("stage").GetString() == "claimed" && i.GetProperty("ownerEmail").GetString() == Demo.Rep3);
    }

    [Fact]
    public async Task Paging_through_leads_made_at_the_same_instant_shows_each_once_and_past_the_last_page_nothing()
    {
        var (company, made) = await LeadsOfOneCompanyAsync(5);
        var search = $"search={Uri.EscapeDataString(company)}";

        var seen = new List<Guid>();
        for (var number = 1; number <= 3; number++)
        {
            var page = await PageAsync($"{search}&page={number}&pageSize=2");
            (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("total").GetInt32()).ShouldBe((number, 2, 5));
            seen.AddRange(Ids(page));
        }

        seen.ShouldBe(made, ignoreOrder: true);
        seen.Distinct().Count().ShouldBe(5, "no lead on two pages");
        foreach (var beyond in new[] { "4", "5", "2147483647" })
        {
            var page = await PageAsync($"{search}&page={beyond}&pageSize=2");
            Ids(page).ShouldBeEmpty($"page {beyond} is past the last: empty, never page 1 again");
            page.GetProperty("total").GetInt32().ShouldBe(5);
        }
    }

    [Fact]
    public async Task Without_paging_parameters_the_first_page_of_fifty_comes_back()
    {
        var page = await PageAsync("");

        (page.GetProperty("page").GetInt32(), page.GetProperty("pageSize").GetInt32()).ShouldBe((1, 50));
        page.GetProperty("items").GetArrayLength().ShouldBe(Math.Min(50, page.GetProperty("total").GetInt32()));
    }

    [Theory]
    [InlineData("page=0", "page", "'page' starts at 1, not 0.")]
    [InlineData("page=-3", "page", "'page' starts at 1, not -3.")]
    [InlineData("page=two", "page", "'page' must be a whole number, not 'two'.")]
    [InlineData("page=99999999999", "page", "'page' is out of range: 99999999999 does not fit a whole number.")]
    [InlineData("pageSize=0", "pageSize", "'pageSize' must be between 1 and 500, not 0.")]
    [InlineData("pageSize=501", "pageSize", "'pageSize' must be between 1 and 500, not 501.")]
    [InlineData("pageSize=1.5", "pageSize", "'pageSize' must be a whole number, not '1.5'.")]
    [InlineData("stage=sleeping", "stage", "Unknown stage 'sleeping'. Stages: new, mql, handedOff, claimed, accepted, rejected, sql, won, lost, merged.")]
    [InlineData("page=1&page=2", "page", "'page' is given 2 times; send it once.")]
    [InlineData("limit=10", "limit", "'limit' is not a parameter of this request; it takes externalId, email, stage, owner, search, page, pageSize.")]
    public async Task A_bad_paging_or_filter_value_is_a_400_naming_the_parameter(string query, string field, string message)
    {
        var problem = await (await Marketing.GetAsync($"/api/v1/leads?{query}", Pipeline.Ct)).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        errors.GetProperty(field)[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task A_lead_comes_with_every_field_of_the_contract_its_verdict_and_its_events()
    {
        var id = await app.HandOffFreshLeadAsync();

        var lead = await (await app.ApiClient("demo-rep1").GetAsync($"/api/v1/leads/{id}", Pipeline.Ct)).JsonAsync();

        string[] contract =
        [
            "id", "externalId", "email", "firstName", "lastName", "company", "title", "companySize", "industry", "country", "source",
            "campaign", "engagementScore", "stage", "qualification", "events",
        ];
        contract.ShouldBeSubsetOf(lead.EnumerateObject().Select(p => p.Name));
        lead.GetProperty("id").GetGuid().ShouldBe(id);
        lead.GetProperty("stage").GetString().ShouldBe("handedOff");
        lead.GetProperty("qualification").GetProperty("isMql").GetBoolean().ShouldBeTrue();
        var events = lead.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("type").GetString()).ShouldBe(["created", "handedOff"]);
        var handOff = events[1];
        (handOff.GetProperty("from").GetString(), handOff.GetProperty("to").GetString(), handOff.GetProperty("actor").GetString(), handOff.GetProperty("slaVersion").GetInt32())
            .ShouldBe(("mql", "handedOff", SlaAppFactory.Marketing, 1));
        handOff.GetProperty("at").GetDateTimeOffset().ShouldBe(app.Now);
    }

    [Fact]
    public async Task A_leads_timers_each_carry_the_fields_of_the_contract_with_a_known_status()
    {
        var id = await app.HandOffFreshLeadAsync();

        var timers = (await (await Marketing.GetAsync($"/api/v1/leads/{id}/sla", Pipeline.Ct)).JsonAsync()).EnumerateArray().ToList();

        timers.ShouldNotBeEmpty();
        string[] contract = ["clause", "budgetBusinessMinutes", "startedAt", "atRiskAt", "dueAt", "stoppedAt", "status", "businessMinutesElapsed", "slaVersion"];
        foreach (var timer in timers)
        {
            contract.ShouldBeSubsetOf(timer.EnumerateObject().Select(p => p.Name));
            timer.GetProperty("status").GetString().ShouldBeOneOf("running", "atRisk", "met", "breached");
            timer.GetProperty("startedAt").GetDateTimeOffset().ShouldBe(app.Now);
            timer.GetProperty("dueAt").GetDateTimeOffset().ShouldBeGreaterThan(timer.GetProperty("atRiskAt").GetDateTimeOffset());
        }
    }

    [Theory]
    [InlineData("demo-rep1")]
    [InlineData("demo-leadership")]
    public async Task A_key_whose_user_may_not_add_leads_gets_403_and_nothing_is_written(string key)
    {
        var email = Demo.UniqueEmail("refused");

        var problem = await (await app.ApiClient(key).PostJsonAsync("/api/v1/leads", Pipeline.Mql(email: email))).ProblemAsync(403);

        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
        (await PageAsync($"email={Uri.EscapeDataString(email)}")).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task A_revoked_key_gets_401_on_the_list_a_lead_and_its_timers()
    {
        var id = await app.HandOffFreshLeadAsync();
        CreatedApiKey created;
        await using (var rep = await app.SignedInAsAsync(Demo.Rep1))
        {
            created = (await rep.ServiceProvider.GetRequiredService<IApiKeyService>().CreateAsync(new CreateApiKeyRequest { Name = "Contract test" }, Pipeline.Ct)).Value;
        }

        var client = app.ApiClient(created.Secret);
        (await client.GetAsync($"/api/v1/leads/{id}", Pipeline.Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var rep = await app.SignedInAsAsync(Demo.Rep1))
        {
            (await rep.ServiceProvider.GetRequiredService<IApiKeyService>().RevokeAsync(created.Key.Id, Pipeline.Ct)).Succeeded.ShouldBeTrue();
        }

        foreach (var path in new[] { "/api/v1/leads", $"/api/v1/leads/{id}", $"/api/v1/leads/{id}/sla" })
        {
            await (await client.GetAsync(path, Pipeline.Ct)).ProblemAsync(401);
        }
    }
}
