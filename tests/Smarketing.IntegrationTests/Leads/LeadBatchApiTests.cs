using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// POST /api/v1/leads/batch (product.md, "The JSON API"): one result per item in request order, deduplication by
/// external id and by email within the batch and against the stored leads, idempotent replays, the size limit, the role.
/// </summary>
public sealed class LeadBatchApiTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private HttpClient Marketing => app.ApiClient("demo-marketing");

    private static Dictionary<string, object?> Item(string email, string? externalId = null, string? title = "IT Director", string? company = "Northwind") => new()
    {
        ["externalId"] = externalId,
        ["email"] = email,
        ["firstName"] = "Ava",
        ["lastName"] = "Adams",
        ["company"] = company,
        ["title"] = title,
        ["companySize"] = 600,
        ["industry"] = "Software",
        ["country"] = "US",
        ["source"] = "Demo request",
        ["campaign"] = "Q3 webinar series",
        ["engagementScore"] = 30,
    };

    private static string Unique(string what) => $"{what}-{Guid.NewGuid():N}";

    private async Task<int> LeadCountAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.Leads.CountAsync(Pipeline.Ct);
    }

    private static string[] Statuses(JsonElement batch) =>
        batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("status").GetString()!).ToArray();

    [Fact]
    public async Task A_batch_creates_new_leads_updates_known_ones_merges_duplicates_and_reports_invalid_items_in_request_order()
    {
        var knownByExternalId = Demo.UniqueEmail("known-ext");
        var knownExternalId = Unique("crm");
        (await Marketing.PostJsonAsync("/api/v1/leads", Item(knownByExternalId, knownExternalId))).EnsureSuccessStatusCode();
        var knownByEmail = Demo.UniqueEmail("known-email");
        var storedByEmail = await (await Marketing.PostJsonAsync("/api/v1/leads", Item(knownByEmail))).JsonAsync();
        var fresh = Demo.UniqueEmail("fresh");
        var freshExternalId = Unique("crm");
        var adoptedExternalId = Unique("crm");
        var before = await LeadCountAsync();

        var response = await Marketing.PostJsonAsync("/api/v1/leads/batch", new object[]
        {
            Item(fresh, freshExternalId),
            Item($"  {fresh.ToUpperInvariant()} ", title: "CTO"),
            Item(knownByExternalId, knownExternalId, company: "Contoso"),
            Item(knownByEmail.ToUpperInvariant(), adoptedExternalId, title: null),
            Item("not-an-email", Unique("crm")),
            Item(fresh, freshExternalId, title: "CTO"),
        });

        var batch = await response.JsonAsync();
        Statuses(batch).ShouldBe(["created", "merged", "updated", "merged", "invalid", "merged"]);
        batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("index").GetInt32()).ShouldBe([0, 1, 2, 3, 4, 5]);
        (batch.GetProperty("created").GetInt32(), batch.GetProperty("updated").GetInt32(), batch.GetProperty("merged").GetInt32(), batch.GetProperty("invalid").GetInt32())
            .ShouldBe((1, 1, 3, 1));

        var results = batch.GetProperty("results").EnumerateArray().ToList();
        var created = results[0].GetProperty("lead");
        var createdId = created.GetProperty("id").GetGuid();
        created.GetProperty("stage").GetString().ShouldBe("mql");
        created.GetProperty("title").GetString().ShouldBe("CTO");
        created.GetProperty("qualification").GetProperty("summary").GetString().ShouldBe("MQL: fits every rule and scores 85 points (60 needed), grade B.");
        created.GetProperty("qualification").GetProperty("agreementVersion").GetInt32().ShouldBe(1);

        var sameEmail = results[1].GetProperty("mergedInto");
        (sameEmail.GetProperty("leadId").GetGuid(), sameEmail.GetProperty("index").GetInt32(), sameEmail.GetProperty("matchedBy").GetString())
            .ShouldBe((createdId, 0, "email"));
        var sameExternalId = results[5].GetProperty("mergedInto");
        (sameExternalId.GetProperty("leadId").GetGuid(), sameExternalId.GetProperty("index").GetInt32(), sameExternalId.GetProperty("matchedBy").GetString())
            .ShouldBe((createdId, 0, "externalId"));

        results[2].GetProperty("lead").GetProperty("company").GetString().ShouldBe("Contoso");
        var intoStored = results[3].GetProperty("mergedInto");
        intoStored.GetProperty("leadId").GetGuid().ShouldBe(storedByEmail.GetProperty("id").GetGuid());
        intoStored.GetProperty("index").ValueKind.ShouldBe(JsonValueKind.Null);
        intoStored.GetProperty("matchedBy").GetString().ShouldBe("email");
        results[3].GetProperty("message").GetString()!.ShouldStartWith($"Merged into lead {storedByEmail.GetProperty("id").GetGuid()} (same email {knownByEmail})");

        results[4].GetProperty("lead").ValueKind.ShouldBe(JsonValueKind.Null);
        results[4].GetProperty("errors").GetProperty("email")[0].GetString().ShouldBe("Email must be an address like name@company.com.");

        (await LeadCountAsync()).ShouldBe(before + 1);
        await using var db = app.OpenDatabase();
        var freshLead = await db.Leads.SingleAsync(l => l.Email == fresh, Pipeline.Ct);
        (freshLead.Id, freshLead.ExternalId, freshLead.Title).ShouldBe((createdId, freshExternalId, "CTO"));
        (await db.Leads.SingleAsync(l => l.ExternalId == knownExternalId, Pipeline.Ct)).Company.ShouldBe("Contoso");
        var merged = await db.Leads.SingleAsync(l => l.Email == knownByEmail, Pipeline.Ct);
        (merged.ExternalId, merged.Title).ShouldBe((adoptedExternalId, "IT Director"));
        (await db.Leads.AnyAsync(l => l.Email == "not-an-email", Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_replayed_batch_creates_nothing_new_and_answers_with_the_same_leads()
    {
        var items = Enumerable.Range(0, 5).Select(_ => Item(Demo.UniqueEmail("replay"), Unique("crm"))).ToArray();
        var first = await (await Marketing.PostJsonAsync("/api/v1/leads/batch", items)).JsonAsync();
        var afterFirst = await LeadCountAsync();

        var replay = await (await Marketing.PostJsonAsync("/api/v1/leads/batch", items)).JsonAsync();

        (await LeadCountAsync()).ShouldBe(afterFirst);
        Statuses(first).ShouldAllBe(s => s == "created");
        Statuses(replay).ShouldAllBe(s => s == "updated");
        replay.GetProperty("created").GetInt32().ShouldBe(0);
        Ids(replay).ShouldBe(Ids(first));
        replay.GetProperty("results")[0].GetProperty("message").GetString()!.ShouldEndWith("nothing changed.");
        replay.GetProperty("results")[0].GetProperty("lead").GetProperty("revision").GetInt32()
            .ShouldBe(first.GetProperty("results")[0].GetProperty("lead").GetProperty("revision").GetInt32());

        static Guid[] Ids(JsonElement batch) =>
            batch.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("lead").GetProperty("id").GetGuid()).ToArray();
    }

    [Fact]
    public async Task A_batch_over_the_limit_is_refused_naming_the_limit_and_writes_nothing()
    {
        var tag = Guid.NewGuid().ToString("N");
        var items = Enumerable.Range(0, 1001).Select(i => Item($"limit.{tag}.{i}@example.test")).ToArray();

        var problem = await (await Marketing.PostJsonAsync("/api/v1/leads/batch", items)).ProblemAsync(400);

        problem.GetProperty("errors").GetProperty("leads")[0].GetString()
            .ShouldBe("A batch holds at most 1,000 leads; this one has 1,001. Split it into batches of 1,000 or fewer.");
        await using var db = app.OpenDatabase();
        (await db.Leads.AnyAsync(l => l.Email.Contains(tag), Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_key_whose_user_may_not_add_leads_gets_403_and_nothing_is_written()
    {
        var email = Demo.UniqueEmail("batch-by-rep");

        var response = await app.ApiClient("demo-rep1").PostJsonAsync("/api/v1/leads/batch", new[] { Item(email) });

        var problem = await response.ProblemAsync(403);
        problem.GetProperty("detail").GetString().ShouldBe("Only a marketing manager may do this. This API key acts as rep1@demo.test (sales rep).");
        await using var db = app.OpenDatabase();
        (await db.Leads.AnyAsync(l => l.Email == email, Pipeline.Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task An_empty_item_or_an_email_taken_by_another_lead_is_invalid_while_the_rest_of_the_batch_is_written()
    {
        var taken = Demo.UniqueEmail("taken");
        (await Marketing.PostJsonAsync("/api/v1/leads", Item(taken))).EnsureSuccessStatusCode();
        var renamedExternalId = Unique("crm");
        (await Marketing.PostJsonAsync("/api/v1/leads", Item(Demo.UniqueEmail("renamed"), renamedExternalId))).EnsureSuccessStatusCode();
        var fresh = Demo.UniqueEmail("fresh");

        var response = await Marketing.PostAsJsonAsync("/api/v1/leads/batch", new object?[] { null, Item(taken, renamedExternalId), Item(fresh) }, Pipeline.Ct);

        var batch = await response.JsonAsync();
        Statuses(batch).ShouldBe(["invalid", "invalid", "created"]);
        batch.GetProperty("results")[0].GetProperty("errors").GetProperty("lead")[0].GetString().ShouldBe("The item is empty: send a lead object with at least an email.");
        batch.GetProperty("results")[1].GetProperty("errors").GetProperty("email")[0].GetString().ShouldBe($"Another lead already has email {taken}.");
        await using var db = app.OpenDatabase();
        (await db.Leads.SingleAsync(l => l.ExternalId == renamedExternalId, Pipeline.Ct)).Email.ShouldNotBe(taken);
        (await db.Leads.AnyAsync(l => l.Email == fresh, Pipeline.Ct)).ShouldBeTrue();
    }
}
