using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// POST /api/v1/leads/{id}/merge with the demo keys, on a real SQLite file: the survivor shows both histories, the
/// duplicate stays stored and says where it went, lists, counts and the funnel stop counting it, and every refusal
/// (role, unknown lead, bad field, a rule, a concurrent merge) answers as the other transitions do and writes nothing.
/// </summary>
public sealed class LeadMergeApiTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Marketing => app.ApiClient("demo-marketing");

    /// <summary>The same person as <see cref="Pipeline.Mql"/>, signed up again with a home address and a longer company name.</summary>
    private static CreateLeadRequest AtHome() => new()
    {
        Email = Demo.UniqueEmail("ava.home"),
        FirstName = "Ava",
        LastName = "Adams",
        Company = "Northwind Traders",
        Title = "CTO",
        CompanySize = 600,
        Industry = "Software",
        Country = "US",
        Source = "Webinar",
        EngagementScore = 55,
    };

    private async Task<(Guid Survivor, Guid Duplicate)> TwoLeadsAsync()
    {
        var survivor = await Pipeline.CreateAsync(app);
        var duplicate = await Pipeline.CreateAsync(app, AtHome());
        return (survivor.Lead.Id, duplicate.Lead.Id);
    }

    private Task<HttpResponseMessage> MergeAsync(Guid survivor, object body, HttpClient? client = null) =>
        (client ?? Marketing).PostJsonAsync($"/api/v1/leads/{survivor}/merge", body);

    private static object Take(Guid duplicate, params string[] fields) => new { duplicateId = duplicate, takeFromDuplicate = fields };

    private async Task<List<LeadEvent>> StoredEventsAsync(Guid id)
    {
        await using var db = app.OpenDatabase();
        return await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == id).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Fact]
    public async Task A_merged_lead_keeps_its_own_details_takes_the_chosen_ones_and_shows_both_histories()
    {
        var (survivor, duplicate) = await TwoLeadsAsync();

        var response = await MergeAsync(survivor, Take(duplicate, "company", "title"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var lead = await response.JsonAsync();
        lead.GetProperty("company").GetString().ShouldBe("Northwind Traders");
        lead.GetProperty("title").GetString().ShouldBe("CTO");
        lead.GetProperty("source").GetString().ShouldBe("Demo request");
        lead.GetProperty("engagementScore").GetInt32().ShouldBe(30);
        lead.GetProperty("stage").GetString().ShouldBe("mql");
        lead.GetProperty("mergedLeads").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([duplicate]);

        var events = lead.GetProperty("events").EnumerateArray().Select(e => (Lead: e.GetProperty("leadId").GetGuid(), Type: e.GetProperty("type").GetString())).ToList();
        events.ShouldContain((survivor, "created"));
        events.ShouldContain((duplicate, "created"));
        events.ShouldContain((survivor, "merged"));
        events.ShouldContain((duplicate, "merged"));
        var note = lead.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("leadId").GetGuid() == survivor && e.GetProperty("type").GetString() == "merged")
            .GetProperty("note").GetString()!;
        note.ShouldContain("company: Northwind -> Northwind Traders");
        note.ShouldContain("title: IT Director -> CTO");
    }

    [Fact]
    public async Task The_duplicate_stays_stored_says_which_lead_it_was_merged_into_and_keeps_its_history_untouched()
    {
        var (survivor, duplicate) = await TwoLeadsAsync();
        var before = await StoredEventsAsync(duplicate);

        (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await (await Marketing.GetAsync($"/api/v1/leads/{duplicate}", Ct)).JsonAsync();
        stored.GetProperty("stage").GetString().ShouldBe("merged");
        stored.GetProperty("mergedIntoId").GetGuid().ShouldBe(survivor);
        var after = await StoredEventsAsync(duplicate);
        after.Take(before.Count).Select(e => (e.Id, e.Type, e.At, e.Note)).ShouldBe(before.Select(e => (e.Id, e.Type, e.At, e.Note)));
        var merged = after.Skip(before.Count).ShouldHaveSingleItem();
        merged.Type.ShouldBe(LeadEventType.Merged);
        merged.ActorEmail.ShouldBe(Pipeline.Marketing);
        merged.ToStage.ShouldBe(LeadStage.Merged);
    }

    [Fact]
    public async Task After_a_merge_lists_stage_counts_and_the_funnel_no_longer_count_the_duplicate_as_a_lead()
    {
        var (survivor, duplicate) = await TwoLeadsAsync();
        var email = (await StoredLeadAsync(duplicate)).Email;
        var (countsBefore, funnelBefore) = await CountsAndFunnelAsync();

        (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var byEmail = await (await Marketing.GetAsync($"/api/v1/leads?email={Uri.EscapeDataString(email)}", Ct)).JsonAsync();
        byEmail.GetProperty("total").GetInt32().ShouldBe(0);
        var bySearch = await (await Marketing.GetAsync($"/api/v1/leads?search=Ava&pageSize=100", Ct)).JsonAsync();
        bySearch.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(duplicate);
        var asked = await (await Marketing.GetAsync("/api/v1/leads?stage=merged&pageSize=100", Ct)).JsonAsync();
        asked.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(duplicate);

        var (countsAfter, funnelAfter) = await CountsAndFunnelAsync();
        countsAfter.Keys.ShouldNotContain(LeadStage.Merged);
        countsAfter.Values.Sum().ShouldBe(countsBefore.Values.Sum() - 1);
        funnelAfter.ShouldBe(funnelBefore - 1);
    }

    [Fact]
    public async Task Merging_a_duplicate_into_a_lead_with_sales_leaves_the_survivors_sla_timers_as_they_were()
    {
        var survivor = await Pipeline.ClaimedByAsync(app, Demo.Rep1);
        var duplicate = (await Pipeline.CreateAsync(app, AtHome())).Lead.Id;
        var timersBefore = await (await Marketing.GetAsync($"/api/v1/leads/{survivor}/sla", Ct)).Content.ReadAsStringAsync(Ct);

        var response = await MergeAsync(survivor, Take(duplicate, "title"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var lead = await response.JsonAsync();
        lead.GetProperty("stage").GetString().ShouldBe("claimed");
        lead.GetProperty("owner").GetString().ShouldBe(Demo.Rep1);
        var timersAfter = await (await Marketing.GetAsync($"/api/v1/leads/{survivor}/sla", Ct)).Content.ReadAsStringAsync(Ct);
        Starts(timersAfter).ShouldBe(Starts(timersBefore));
    }

    [Fact]
    public async Task A_duplicate_already_handed_off_is_refused_with_409_naming_its_sla_clocks_and_nothing_is_written()
    {
        var survivor = (await Pipeline.CreateAsync(app)).Lead.Id;
        var duplicate = await Pipeline.InThePoolAsync(app);
        var before = await StoredEventsAsync(survivor);

        var problem = await (await MergeAsync(survivor, Take(duplicate, "company"))).ProblemAsync(409);

        problem.GetProperty("detail").GetString()!.ShouldContain("SLA clocks");
        (await StoredLeadAsync(duplicate)).Stage.ShouldBe(LeadStage.HandedOff);
        (await StoredEventsAsync(survivor)).Count.ShouldBe(before.Count);
    }

    [Fact]
    public async Task Nothing_is_merged_into_a_lead_that_was_itself_merged()
    {
        var (survivor, duplicate) = await TwoLeadsAsync();
        (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var another = (await Pipeline.CreateAsync(app)).Lead.Id;

        var problem = await (await MergeAsync(duplicate, Take(another))).ProblemAsync(409);

        problem.GetProperty("detail").GetString()!.ShouldContain("is itself merged into another lead");
        (await StoredLeadAsync(another)).Stage.ShouldNotBe(LeadStage.Merged);
    }

    [Fact]
    public async Task Sending_the_duplicates_external_id_again_is_refused_with_409_saying_it_was_merged()
    {
        var survivor = (await Pipeline.CreateAsync(app)).Lead.Id;
        var externalId = $"crm-{Guid.NewGuid():N}";
        var request = AtHome();
        request.ExternalId = externalId;
        var duplicate = (await Pipeline.CreateAsync(app, request)).Lead.Id;
        (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var problem = await (await Marketing.PostJsonAsync("/api/v1/leads", new { externalId, email = request.Email, company = "Changed Inc" })).ProblemAsync(409);

        problem.GetProperty("detail").GetString()!.ShouldContain("was merged into another lead");
        (await StoredLeadAsync(duplicate)).Company.ShouldBe("Northwind Traders");
    }

    [Fact]
    public async Task A_batch_item_naming_a_merged_duplicate_is_invalid_and_the_duplicate_is_not_changed()
    {
        var survivor = (await Pipeline.CreateAsync(app)).Lead.Id;
        var externalId = $"crm-{Guid.NewGuid():N}";
        var request = AtHome();
        request.ExternalId = externalId;
        var duplicate = (await Pipeline.CreateAsync(app, request)).Lead.Id;
        (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var response = await Marketing.PostJsonAsync("/api/v1/leads/batch", new object[]
        {
            new { externalId, email = request.Email, firstName = "Ann", lastName = "Home", company = "Changed Inc" },
            new { email = request.Email, firstName = "Ann", lastName = "Home", company = "Changed Again" },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var results = (await response.JsonAsync()).GetProperty("results").EnumerateArray().ToList();
        results.Select(r => r.GetProperty("status").GetString()).ShouldBe(["invalid", "invalid"]);
        results[0].GetProperty("errors").GetProperty("externalId")[0].GetString()!.ShouldContain($"was merged into lead {survivor}");
        results[1].GetProperty("errors").GetProperty("email")[0].GetString()!.ShouldContain($"was merged into lead {survivor}");
        (await StoredLeadAsync(duplicate)).Company.ShouldBe("Northwind Traders");
    }

    [Fact]
    public async Task The_comparison_shows_what_differs_and_the_rules_answer_before_anyone_confirms()
    {
        var survivor = (await Pipeline.CreateAsync(app)).Lead.Id;
        var inThePool = await Pipeline.InThePoolAsync(app);
        var duplicate = (await Pipeline.CreateAsync(app, AtHome())).Lead.Id;
        await using var scope = await app.SignedInAsAsync(Pipeline.Marketing);
        var merging = scope.ServiceProvider.GetRequiredService<LeadMerging>();

        var preview = (await merging.PreviewAsync(survivor, duplicate, Ct)).Value;
        var refused = (await merging.PreviewAsync(survivor, inThePool, Ct)).Value;

        preview.Check.Succeeded.ShouldBeTrue();
        preview.Fields.Where(f => f.Differs).Select(f => f.Field).ShouldBe([MergeField.Company, MergeField.Title, MergeField.Source, MergeField.Campaign, MergeField.EngagementScore]);
        preview.Fields.Single(f => f.Field == MergeField.Campaign).DuplicateValue.ShouldBe("(none)");
        refused.Check.Kind.ShouldBe(ResultKind.Conflict);
        refused.Check.Message!.ShouldContain("SLA clocks");
        (await StoredLeadAsync(survivor)).Revision.ShouldBe(0);
    }

    [Theory]
    [InlineData("demo-rep1")]
    [InlineData("demo-sales.manager")]
    [InlineData("demo-leadership")]
    [InlineData("demo-admin")]
    public async Task Only_a_marketing_manager_merges_other_keys_get_403_and_nothing_changes(string key)
    {
        var (survivor, duplicate) = await TwoLeadsAsync();

        await (await MergeAsync(survivor, Take(duplicate, "company"), app.ApiClient(key))).ProblemAsync(403);

        (await StoredLeadAsync(duplicate)).Stage.ShouldNotBe(LeadStage.Merged);
        (await StoredLeadAsync(survivor)).Company.ShouldBe("Northwind");
    }

    [Fact]
    public async Task An_unknown_lead_or_duplicate_is_404()
    {
        var (survivor, duplicate) = await TwoLeadsAsync();

        await (await MergeAsync(Guid.NewGuid(), Take(duplicate))).ProblemAsync(404);
        var problem = await (await MergeAsync(survivor, Take(Guid.NewGuid()))).ProblemAsync(404);
        problem.GetProperty("detail").GetString()!.ShouldContain("duplicate");
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { """{"duplicateId":"DUP","takeFromDuplicate":["email"]}""", "takeFromDuplicate[0]", "Each lead keeps its own email" },
        { """{"duplicateId":"DUP","takeFromDuplicate":["company","stage"]}""", "takeFromDuplicate[1]", "'stage' is not a detail" },
        { """{"duplicateId":"DUP","takeFromDuplicate":[""]}""", "takeFromDuplicate[0]", "An empty name" },
        { """{"duplicateId":"DUP","takeFromDuplicate":null}""", "takeFromDuplicate", "Say which details to take" },
        { """{"duplicateId":"00000000-0000-0000-0000-000000000000","takeFromDuplicate":[]}""", "duplicateId", "Name the duplicate lead" },
        { """{"duplicateId":"SELF","takeFromDuplicate":[]}""", "duplicateId", "can't be merged into itself" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task A_bad_body_is_400_naming_the_field_and_writes_nothing(string body, string field, string message)
    {
        var (survivor, duplicate) = await TwoLeadsAsync();
        var json = body.Replace("DUP", duplicate.ToString()).Replace("SELF", survivor.ToString());

        var response = await Marketing.PostAsync($"/api/v1/leads/{survivor}/merge", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Ct);

        var problem = await response.ProblemAsync(400);
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()).ShouldContain(m => m!.Contains(message));
        (await StoredLeadAsync(duplicate)).Stage.ShouldNotBe(LeadStage.Merged);
        (await StoredEventsAsync(survivor)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Two_managers_merging_one_duplicate_into_two_leads_at_once_one_wins_and_the_other_is_told_where_it_went()
    {
        var first = (await Pipeline.CreateAsync(app)).Lead.Id;
        var second = (await Pipeline.CreateAsync(app)).Lead.Id;
        var duplicate = (await Pipeline.CreateAsync(app, AtHome())).Lead.Id;

        var results = await AtOnceAsync((first, duplicate), (second, duplicate));

        results.Count(r => r.Succeeded).ShouldBe(1, string.Join(" ", results.Select(r => r.Message)));
        var loser = results.Single(r => !r.Succeeded);
        loser.Kind.ShouldBe(ResultKind.Conflict);
        loser.Message!.ShouldContain("is already merged into another lead");
        var winner = results.Single(r => r.Succeeded).Value.Lead.Id;
        (await StoredLeadAsync(duplicate)).MergedIntoId.ShouldBe(winner);
        (await StoredEventsAsync(duplicate)).Count(e => e.Type == LeadEventType.Merged).ShouldBe(1);
        (await StoredEventsAsync(winner == first ? second : first)).ShouldNotContain(e => e.Type == LeadEventType.Merged);
    }

    [Fact]
    public async Task Two_managers_merging_different_duplicates_into_one_lead_at_once_lose_nothing_the_second_is_asked_to_merge_again()
    {
        var survivor = (await Pipeline.CreateAsync(app)).Lead.Id;
        var one = (await Pipeline.CreateAsync(app, AtHome())).Lead.Id;
        var other = (await Pipeline.CreateAsync(app, AtHome())).Lead.Id;

        var results = await AtOnceAsync((survivor, one), (survivor, other));

        results.ShouldContain(r => r.Succeeded);
        foreach (var refused in results.Where(r => !r.Succeeded))
        {
            refused.Kind.ShouldBe(ResultKind.Conflict);
            refused.Message!.ShouldContain("at the same moment; nothing was merged");
        }

        var left = new[] { one, other }.Where(d => results.All(r => !r.Succeeded || r.Value.MergedLeads.All(m => m.Id != d))).ToList();
        foreach (var duplicate in left)
        {
            (await MergeAsync(survivor, Take(duplicate))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var lead = await (await Marketing.GetAsync($"/api/v1/leads/{survivor}", Ct)).JsonAsync();
        lead.GetProperty("mergedLeads").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldBe([one, other], ignoreOrder: true);
        lead.GetProperty("events").EnumerateArray().Count(e => e.GetProperty("leadId").GetGuid() == survivor && e.GetProperty("type").GetString() == "merged").ShouldBe(2);
    }

    private async Task<Result<LeadDetails>[]> AtOnceAsync(params (Guid Survivor, Guid Duplicate)[] merges)
    {
        var scopes = new List<AsyncServiceScope>();
        foreach (var _ in merges)
        {
            scopes.Add(await app.SignedInAsAsync(Pipeline.Marketing));
        }

        try
        {
            return await Pipeline.AllAtOnceAsync(merges.Select((m, i) => (Func<Task<Result<LeadDetails>>>)(() =>
                scopes[i].ServiceProvider.GetRequiredService<LeadMerging>().MergeAsync(m.Survivor, new MergeRequest { DuplicateId = m.Duplicate, TakeFromDuplicate = [] }, Ct))).ToList());
        }
        finally
        {
            foreach (var scope in scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    private async Task<Lead> StoredLeadAsync(Guid id)
    {
        await using var db = app.OpenDatabase();
        return await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id, Ct);
    }

    private async Task<(IReadOnlyDictionary<LeadStage, int> Counts, int FunnelLeads)> CountsAndFunnelAsync()
    {
        await using var scope = await app.SignedInAsAsync(Pipeline.Marketing);
        var counts = await scope.ServiceProvider.GetRequiredService<LeadService>().CountByStageAsync(Ct);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var funnel = await scope.ServiceProvider.GetRequiredService<ReportService>().FunnelAsync(today.AddDays(-2), today.AddDays(2), Ct);
        return (counts, funnel.Single(s => s.Stage == "Leads").Count);
    }

    private static List<string> Starts(string timers) =>
        JsonDocument.Parse(timers).RootElement.EnumerateArray().Select(t => $"{t.GetProperty("kind")} {t.GetProperty("startedAt")} {t.GetProperty("dueAt")}").ToList();
}
