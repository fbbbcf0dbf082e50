using System.Net;
using System.Text.Json;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Clocks;

/// <summary>GET /api/v1/leads/{id}/sla as product.md defines it.</summary>
public sealed class SlaEndpointTests(SlaAppFactory app) : IClassFixture<SlaAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALeadsTimers_ComeWithTheirClauseBudgetInstantsStatusElapsedMinutesAndVersion()
    {
        // Handed off Monday 10:00, contacted at 10:30; read on Tuesday at 14:00, when the decision (due Wednesday
        // 10:00) has just turned at risk.
        await app.StartQuietMondayAsync();
        var handedOffAt = app.Now;
        var lead = await app.HandOffFreshLeadAsync();
        await app.ClaimAsync(lead);
        app.MoveTo(handedOffAt.AddMinutes(30));
        await app.LogContactAsync(lead);
        app.MoveTo(handedOffAt.AddDays(1).AddHours(4));

        using var response = await app.ApiClient("demo-rep1").GetAsync($"/api/v1/leads/{lead}/sla", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var timers = json.RootElement.EnumerateArray().ToList();
        timers.Count.ShouldBe(3);

        var firstContact = timers.Single(t => t.GetProperty("clause").GetString() == "First contact within 4 business hours (A-leads)");
        firstContact.GetProperty("budgetBusinessMinutes").GetInt32().ShouldBe(240);
        firstContact.GetProperty("startedAt").GetDateTimeOffset().ShouldBe(handedOffAt);
        firstContact.GetProperty("atRiskAt").GetDateTimeOffset().ShouldBe(handedOffAt.AddHours(3));
        firstContact.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(handedOffAt.AddHours(4));
        firstContact.GetProperty("stoppedAt").GetDateTimeOffset().ShouldBe(handedOffAt.AddMinutes(30));
        firstContact.GetProperty("status").GetString().ShouldBe("met");
        firstContact.GetProperty("businessMinutesElapsed").GetInt64().ShouldBe(30);
        firstContact.GetProperty("slaVersion").GetInt32().ShouldBe(1);

        var decision = timers.Single(t => t.GetProperty("clause").GetString() == "Accept or reject within 2 business days (A-leads)");
        decision.GetProperty("budgetBusinessMinutes").GetInt32().ShouldBe(960);
        decision.GetProperty("atRiskAt").GetDateTimeOffset().ShouldBe(app.Now);
        decision.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(handedOffAt.AddDays(2));
        decision.GetProperty("stoppedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        decision.GetProperty("status").GetString().ShouldBe("atRisk");
        decision.GetProperty("businessMinutesElapsed").GetInt64().ShouldBe(720);

        var followUp = timers.Single(t => t.GetProperty("clause").GetString() == "6 contact attempts within 10 business days (A-leads)");
        followUp.GetProperty("budgetBusinessMinutes").GetInt32().ShouldBe(4800);
        followUp.GetProperty("status").GetString().ShouldBe("running");
        followUp.GetProperty("slaVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task AFirstContactThatNeverCame_ReadsBreachedOnceDue()
    {
        await app.StartQuietMondayAsync();
        var handedOffAt = app.Now;
        var lead = await app.HandOffFreshLeadAsync();
        app.MoveTo(handedOffAt.AddHours(4));

        using var json = JsonDocument.Parse(await app.ApiClient("demo-sales.manager").GetStringAsync($"/api/v1/leads/{lead}/sla", Ct));

        var firstContact = json.RootElement.EnumerateArray().Single(t => t.GetProperty("budgetBusinessMinutes").GetInt32() == 240);
        firstContact.GetProperty("status").GetString().ShouldBe("breached");
        firstContact.GetProperty("stoppedAt").ValueKind.ShouldBe(JsonValueKind.Null);
        firstContact.GetProperty("businessMinutesElapsed").GetInt64().ShouldBe(240);
    }

    [Fact]
    public async Task AnUnknownLead_Is404()
    {
        using var response = await app.ApiClient("demo-rep1").GetAsync($"/api/v1/leads/{Guid.NewGuid()}/sla", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
