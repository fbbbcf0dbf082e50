using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// The lead endpoints of product.md's JSON API with the demo keys: who may do what (403 problem details otherwise),
/// the list filters and their 400s, a lead with its history, and the qualification verdict on POST.
/// </summary>
public sealed class LeadApiTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private HttpClient Marketing => app.ApiClient("demo-marketing");

    private HttpClient Rep1 => app.ApiClient("demo-rep1");

    private HttpClient Rep2 => app.ApiClient("demo-rep2");

    private static object Body(string? email = null, string? externalId = null, string title = "IT Director", string country = "US") => new
    {
        externalId,
        email = email ?? Demo.UniqueEmail("api"),
        firstName = "Ava",
        lastName = "Adams",
        company = "Northwind",
        title,
        companySize = 600,
        industry = "Software",
        country,
        source = "Demo request",
        campaign = "Q3 webinar series",
        engagementScore = 30,
    };

    // ---- Creating, and the verdict that comes back ----

    [Fact]
    public async Task PostingALead_Creates201_WithItsStage_AndTheVerdictWithEveryReason()
    {
        var response = await Marketing.PostJsonAsync("/api/v1/leads", Body());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lead = await response.JsonAsync();
        var id = lead.GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/leads/{id}");
        lead.GetProperty("stage").GetString().ShouldBe("mql");
        lead.GetProperty("isMql").GetBoolean().ShouldBeTrue();
        lead.GetProperty("score").GetInt32().ShouldBe(105);
        lead.GetProperty("grade").GetString().ShouldBe("A");
        lead.GetProperty("persona").GetString().ShouldBe("IT Director");

        var verdict = lead.GetProperty("qualification");
        verdict.GetProperty("isMql").GetBoolean().ShouldBeTrue();
        verdict.GetProperty("summary").GetString().ShouldBe("MQL: fits every rule and scores 105 points (60 needed), grade A.");
        verdict.GetProperty("agreementVersion").GetInt32().ShouldBe(1);
        verdict.GetProperty("engagementPoints").GetInt32().ShouldBe(30);
        Lines(verdict.GetProperty("fitChecks"), "rule", "passed").ShouldBe(["company size at least 50: True", "country is one of [US, CA]: True"]);
        Lines(verdict.GetProperty("scoreLines"), "rule", "earned").ShouldBe([
            "Decision-maker title: True", "Target industry: True", "Large company: True", "Asked for a demo: True",
        ]);
        verdict.GetProperty("scoreLines").EnumerateArray().Select(l => l.GetProperty("points").GetInt32()).ShouldBe([20, 15, 15, 25]);
    }

    [Fact]
    public async Task PostingALeadThatDoesNotFit_CreatesItAsNew_AndTheVerdictSaysWhichRuleItFails()
    {
        var response = await Marketing.PostJsonAsync("/api/v1/leads", Body(country: "DE"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var lead = await response.JsonAsync();
        lead.GetProperty("stage").GetString().ShouldBe("new");
        lead.GetProperty("isMql").GetBoolean().ShouldBeFalse();
        var verdict = lead.GetProperty("qualification");
        verdict.GetProperty("summary").GetString().ShouldBe("Not an MQL: it fails country is one of [US, CA].");
        Lines(verdict.GetProperty("fitChecks"), "rule", "passed").ShouldBe(["company size at least 50: True", "country is one of [US, CA]: False"]);
    }

    [Fact]
    public async Task PostingALeadWithAnEmailAlreadyTaken_InAnyCase_Is400_NamingEmail_AndAddsNothing()
    {
        var email = Demo.UniqueEmail("taken");
        (await Marketing.PostJsonAsync("/api/v1/leads", Body(email))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await Marketing.PostJsonAsync("/api/v1/leads", Body(email.ToUpperInvariant()));

        var problem = await response.ProblemAsync(400);
        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["email"]);
        errors.GetProperty("email")[0].GetString().ShouldBe(
            $"A lead with email {email.ToUpperInvariant()} already exists (Ava Adams, MQL). Open it instead of adding it twice.");
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.Email == email, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task PostingTheSameExternalIdAgain_UpdatesThatLead_InsteadOfAddingASecond()
    {
        var externalId = $"crm-{Guid.NewGuid():N}";
        var email = Demo.UniqueEmail("crm");
        var created = await (await Marketing.PostJsonAsync("/api/v1/leads", Body(email, externalId))).JsonAsync();

        var response = await Marketing.PostJsonAsync("/api/v1/leads", Body(email, externalId, title: "Analyst"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var updated = await response.JsonAsync();
        updated.GetProperty("id").GetGuid().ShouldBe(created.GetProperty("id").GetGuid());
        updated.GetProperty("title").GetString().ShouldBe("Analyst");
        updated.GetProperty("score").GetInt32().ShouldBe(85, "the lead is requalified: the decision-maker title's 20 points are gone");
        var events = updated.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("type").GetString()).ShouldBe(["created", "updated"]);
        events[1].GetProperty("note").GetString().ShouldBe("title: IT Director -> Analyst");
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.ExternalId == externalId, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task PostingTheSameLeadTwice_AsAnIntegrationRetrying_CreatesNothingTheSecondTime_AndSaysSo()
    {
        var externalId = $"crm-{Guid.NewGuid():N}";
        var body = Body(externalId: externalId);
        (await Marketing.PostJsonAsync("/api/v1/leads", body)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var retry = await Marketing.PostJsonAsync("/api/v1/leads", body);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK, "nothing was created the second time");
        retry.Headers.Location.ShouldBeNull();
        await using var db = app.OpenDatabase();
        (await db.Leads.CountAsync(l => l.ExternalId == externalId, Pipeline.Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task PostingAnInvalidLead_Is400_WithAMessagePerField()
    {
        var response = await Marketing.PostJsonAsync("/api/v1/leads", new { email = "not an email", engagementScore = 5000, companySize = -1 });

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order().ShouldBe(["companySize", "email", "engagementScore"]);
    }

    // ---- Roles ----

    [Fact]
    public async Task ARepsKey_CannotCreateLeads_403()
    {
        var email = Demo.UniqueEmail("by-rep");

        var response = await Rep1.PostJsonAsync("/api/v1/leads", Body(email));

        var problem = await response.ProblemAsync(403);
        problem.GetProperty("detail").GetString().ShouldBe("Only a marketing manager may do this. This API key acts as rep1@demo.test (sales rep).");
        await using var db = app.OpenDatabase();
        (await db.Leads.AnyAsync(l => l.Email == email, Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task ARepsKey_CannotHandOffLeads_403()
    {
        var lead = await Pipeline.CreateAsync(app);

        var problem = await (await Rep1.PostEmptyAsync($"/api/v1/leads/{lead.Lead.Id}/handoff")).ProblemAsync(403);

        problem.GetProperty("detail").GetString().ShouldStartWith("Only a marketing manager may do this. This API key acts as rep1@demo.test");
    }

    [Theory]
    [InlineData("demo-marketing")]
    [InlineData("demo-sales.manager")]
    [InlineData("demo-leadership")]
    public async Task OnlySalesRepsCanClaim_AnyoneElseGets403_AndTheLeadStaysInThePool(string key)
    {
        var id = await Pipeline.InThePoolAsync(app);

        var problem = await (await app.ApiClient(key).PostEmptyAsync($"/api/v1/leads/{id}/claim")).ProblemAsync(403);

        problem.GetProperty("detail").GetString().ShouldStartWith("Only a sales rep may do this. This API key acts as ");
        var lead = await (await Marketing.GetAsync($"/api/v1/leads/{id}", Pipeline.Ct)).JsonAsync();
        lead.GetProperty("stage").GetString().ShouldBe("handedOff");
        lead.GetProperty("owner").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("accept", null, "accept")]
    [InlineData("contacts", """{"channel":"phone","outcome":"connected"}""", "log a contact attempt on")]
    [InlineData("reject", """{"reason":"No budget"}""", "reject")]
    public async Task OnlyTheOwnerCanAct_AnotherRepGets403NamingTheOwner(string action, string? json, string verb)
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var response = await Rep2.PostAsync($"/api/v1/leads/{id}/{action}",
            json is null ? null : new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Pipeline.Ct);

        var problem = await response.ProblemAsync(403);
        problem.GetProperty("detail").GetString().ShouldBe($"Ava Adams belongs to {Demo.Rep1}; only the owner can {verb} it.");
        var lead = await (await Rep1.GetAsync($"/api/v1/leads/{id}", Pipeline.Ct)).JsonAsync();
        lead.GetProperty("stage").GetString().ShouldBe("claimed");
        lead.GetProperty("contactAttempts").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task AcceptingBeforeClaiming_Is409_SayingToClaimFirst()
    {
        var id = await Pipeline.InThePoolAsync(app);

        var problem = await (await Rep1.PostEmptyAsync($"/api/v1/leads/{id}/accept")).ProblemAsync(409);

        problem.GetProperty("detail").GetString().ShouldBe("Ava Adams has no owner yet; claim it before you accept it.");
    }

    [Fact]
    public async Task AContactInTheFuture_Is400_OnOccurredAt()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var response = await Rep1.PostJsonAsync($"/api/v1/leads/{id}/contacts", new { channel = "phone", outcome = "connected", occurredAt = DateTimeOffset.UtcNow.AddHours(2) });

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString().ShouldBe("The contact time can't be in the future.");
    }

    [Fact]
    public async Task AContactBeforeTheHandOff_Is400_NamingTheHandOffTimeInTheAgreementsNewYorkTime_AndLogsNothing()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var handedOff = (await (await Rep1.GetAsync($"/api/v1/leads/{id}", TestContext.Current.CancellationToken)).JsonAsync())
            .GetProperty("handedOffAt").GetDateTimeOffset();

        var response = await Rep1.PostJsonAsync($"/api/v1/leads/{id}/contacts", new { channel = "phone", outcome = "connected", occurredAt = handedOff.AddMinutes(-5) });

        var problem = await response.ProblemAsync(400);
        var inNewYork = TimeZoneInfo.ConvertTime(handedOff, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        problem.GetProperty("errors").GetProperty("occurredAt")[0].GetString().ShouldBe(
            $"The contact time can't be before the hand-off at {inNewYork.ToString("ddd d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)} (America/New_York).");
        var lead = await (await Rep1.GetAsync($"/api/v1/leads/{id}", TestContext.Current.CancellationToken)).JsonAsync();
        lead.GetProperty("contactAttempts").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task RejectingWithAReasonNotInTheAgreement_Is400_ListingTheAllowedReasons()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);

        var problem = await (await Rep1.PostJsonAsync($"/api/v1/leads/{id}/reject", new { reason = "Too small" })).ProblemAsync(400);

        problem.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe(
            "'Too small' is not one of the agreement's rejection reasons: Not a decision-maker, No budget, Wrong industry, Already a customer, Duplicate, Bad contact data.");
    }

    [Fact]
    public async Task WinningWithoutAPositiveAmount_Is400_OnAmount()
    {
        var id = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        (await Rep1.PostEmptyAsync($"/api/v1/leads/{id}/accept")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rep1.PostEmptyAsync($"/api/v1/leads/{id}/convert")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await Rep1.PostJsonAsync($"/api/v1/leads/{id}/won", new { amount = 0 })).ProblemAsync(400);

        problem.GetProperty("errors").GetProperty("amount")[0].GetString().ShouldBe("The amount won must be positive.");
    }

    // ---- One lead with its history ----

    [Fact]
    public async Task GettingALead_IncludesItsHistory_WhoWhenFromToWhyAndVersion()
    {
        var id = await Pipeline.InThePoolAsync(app);
        (await Rep1.PostEmptyAsync($"/api/v1/leads/{id}/claim")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rep1.PostJsonAsync($"/api/v1/leads/{id}/contacts", new { channel = "email", outcome = "replied", note = "Wants a demo" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Rep1.PostJsonAsync($"/api/v1/leads/{id}/reject", new { reason = "no budget" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Rep2.GetAsync($"/api/v1/leads/{id}", Pipeline.Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lead = await response.JsonAsync();
        lead.GetProperty("stage").GetString().ShouldBe("rejected");
        lead.GetProperty("owner").ValueKind.ShouldBe(JsonValueKind.Null);
        lead.GetProperty("rejectionReason").GetString().ShouldBe("No budget");
        var events = lead.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => $"{e.GetProperty("type").GetString()} by {e.GetProperty("actor").GetString()}: {Text(e, "from")} -> {Text(e, "to")}").ShouldBe([
            $"created by {Pipeline.Marketing}: - -> mql",
            $"handedOff by {Pipeline.Marketing}: mql -> handedOff",
            $"claimed by {Demo.Rep1}: handedOff -> claimed",
            $"contactAttempt by {Demo.Rep1}: claimed -> claimed",
            $"rejected by {Demo.Rep1}: claimed -> rejected",
        ]);
        events.ShouldAllBe(e => e.GetProperty("slaVersion").GetInt32() == 1);
        events.ShouldAllBe(e => e.GetProperty("at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        events[3].GetProperty("channel").GetString().ShouldBe("email");
        events[3].GetProperty("outcome").GetString().ShouldBe("replied");
        events[3].GetProperty("note").GetString().ShouldBe("Wants a demo");
        events[4].GetProperty("reason").GetString().ShouldBe("No budget");
        events[4].GetProperty("owner").GetString().ShouldBe(Demo.Rep1);
    }

    [Fact]
    public async Task GettingALeadThatDoesNotExist_Is404ProblemDetails()
    {
        await (await Rep1.GetAsync($"/api/v1/leads/{Guid.NewGuid()}", Pipeline.Ct)).ProblemAsync(404);
    }

    [Fact]
    public async Task ClaimingALeadThatDoesNotExist_Is404ProblemDetails()
    {
        await (await Rep1.PostEmptyAsync($"/api/v1/leads/{Guid.NewGuid()}/claim")).ProblemAsync(404);
    }

    // ---- The list and its filters ----

    [Theory]
    [InlineData("rejected", LeadStage.Rejected)]
    [InlineData("handedOff", LeadStage.HandedOff)]
    [InlineData("WON", LeadStage.Won)]
    public async Task ListingByStage_ReturnsOnlyThatStage_WithTheTotalOfAllSuchLeads(string stage, LeadStage expected)
    {
        await using var db = app.OpenDatabase();
        var count = await db.Leads.CountAsync(l => l.Stage == expected, Pipeline.Ct);
        count.ShouldBeGreaterThan(0, "the demo data has leads in every stage");

        var page = await (await Marketing.GetAsync($"/api/v1/leads?stage={stage}&pageSize=500", Pipeline.Ct)).JsonAsync();

        page.GetProperty("total").GetInt32().ShouldBe(count);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(page.GetProperty("total").GetInt32());
        items.ShouldAllBe(i => i.GetProperty("stage").GetString() == JsonNamingPolicy.CamelCase.ConvertName(expected.ToString()));
    }

    [Fact]
    public async Task ListingByOwner_ReturnsOnlyThatRepsLeads_WhateverTheCaseOfTheEmail()
    {
        await using var db = app.OpenDatabase();
        var count = await db.Leads.CountAsync(l => l.OwnerEmail == Demo.Rep2, Pipeline.Ct);

        var page = await (await Marketing.GetAsync("/api/v1/leads?owner=REP2@demo.test&pageSize=500", Pipeline.Ct)).JsonAsync();

        page.GetProperty("total").GetInt32().ShouldBe(count);
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(count);
        items.ShouldAllBe(i => i.GetProperty("ownerEmail").GetString() == Demo.Rep2);
    }

    [Fact]
    public async Task ListingByExternalIdOrByEmail_FindsExactlyThatLead()
    {
        var externalId = $"crm-{Guid.NewGuid():N}";
        var email = Demo.UniqueEmail("findme");
        var id = (await (await Marketing.PostJsonAsync("/api/v1/leads", Body(email, externalId))).JsonAsync()).GetProperty("id").GetGuid();

        var byExternalId = await (await Rep1.GetAsync($"/api/v1/leads?externalId={externalId}", Pipeline.Ct)).JsonAsync();
        var byEmail = await (await Rep1.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email.ToUpperInvariant())}", Pipeline.Ct)).JsonAsync();

        foreach (var page in new[] { byExternalId, byEmail })
        {
            page.GetProperty("total").GetInt32().ShouldBe(1);
            page.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid().ShouldBe(id);
        }
    }

    [Fact]
    public async Task ListingAnExternalIdNobodyHas_IsAnEmptyPage()
    {
        var page = await (await Rep1.GetAsync("/api/v1/leads?externalId=never-sent", Pipeline.Ct)).JsonAsync();

        page.GetProperty("total").GetInt32().ShouldBe(0);
        page.GetProperty("items").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_SplitTheListWithoutOverlap_AndEachCarriesTheTotal()
    {
        await using var db = app.OpenDatabase();
        var rejected = await db.Leads.CountAsync(l => l.Stage == LeadStage.Rejected, Pipeline.Ct);
        rejected.ShouldBeGreaterThan(10);

        var first = await (await Marketing.GetAsync("/api/v1/leads?stage=rejected&page=1&pageSize=10", Pipeline.Ct)).JsonAsync();
        var second = await (await Marketing.GetAsync("/api/v1/leads?stage=rejected&page=2&pageSize=10", Pipeline.Ct)).JsonAsync();
        var beyond = await (await Marketing.GetAsync($"/api/v1/leads?stage=rejected&page={(rejected / 10) + 2}&pageSize=10", Pipeline.Ct)).JsonAsync();

        first.GetProperty("total").GetInt32().ShouldBe(rejected);
        second.GetProperty("total").GetInt32().ShouldBe(rejected);
        beyond.GetProperty("total").GetInt32().ShouldBe(rejected);
        first.GetProperty("page").GetInt32().ShouldBe(1);
        second.GetProperty("page").GetInt32().ShouldBe(2);
        second.GetProperty("pageSize").GetInt32().ShouldBe(10);
        var firstIds = Ids(first);
        var secondIds = Ids(second);
        firstIds.Count.ShouldBe(10);
        secondIds.Count.ShouldBe(Math.Min(10, rejected - 10));
        firstIds.Intersect(secondIds).ShouldBeEmpty();
        Ids(beyond).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("stage=sleeping", "stage", "Unknown stage 'sleeping'. Stages: new, mql, handedOff, claimed, accepted, rejected, sql, won, lost, merged.")]
    [InlineData("stage=3", "stage", "Unknown stage '3'. Stages: new, mql, handedOff, claimed, accepted, rejected, sql, won, lost, merged.")]
    [InlineData("pageSize=0", "pageSize", "'pageSize' must be between 1 and 500, not 0.")]
    [InlineData("pageSize=501", "pageSize", "'pageSize' must be between 1 and 500, not 501.")]
    [InlineData("page=0", "page", "'page' starts at 1, not 0.")]
    public async Task ABadFilter_Is400_NamingTheParameter(string query, string field, string message)
    {
        var problem = await (await Marketing.GetAsync($"/api/v1/leads?{query}", Pipeline.Ct)).ProblemAsync(400);

        var errors = problem.GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe([field]);
        errors.GetProperty(field)[0].GetString().ShouldBe(message);
    }

    private static List<string> Lines(JsonElement array, string text, string flag) =>
        array.EnumerateArray().Select(e => $"{e.GetProperty(text).GetString()}: {e.GetProperty(flag).GetBoolean()}").ToList();

    private static string Text(JsonElement e, string property) =>
        e.GetProperty(property).ValueKind == JsonValueKind.Null ? "-" : e.GetProperty(property).GetString()!;

    private static List<Guid> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
}
