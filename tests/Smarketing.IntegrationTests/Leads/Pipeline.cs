using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>Leads made the way marketing makes them, through the real services, for the pipeline tests.</summary>
internal static class Pipeline
{
    public const string Marketing = "marketing@demo.test";
    public const string SalesManager = "sales.manager@demo.test";
    public const string Rep3 = "rep3@demo.test";

    public static readonly string[] Reps = [Demo.Rep1, Demo.Rep2, Rep3];

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An IT director at a 600-person software company in the US who asked for a demo: an A-grade MQL.</summary>
    public static CreateLeadRequest Mql(string? externalId = null, string? email = null) => new()
    {
        ExternalId = externalId,
        Email = email ?? Demo.UniqueEmail("lead"),
        FirstName = "Ava",
        LastName = "Adams",
        Company = "Northwind",
        Title = "IT Director",
        CompanySize = 600,
        Industry = "Software",
        Country = "US",
        Source = "Demo request",
        Campaign = "Q3 webinar series",
        EngagementScore = 30,
    };

    public static async Task<LeadDetails> CreateAsync(SmarketingAppFactory app, CreateLeadRequest? request = null)
    {
        await using var marketing = await app.SignedInAsAsync(Marketing);
        var created = await marketing.ServiceProvider.GetRequiredService<LeadService>().CreateAsync(request ?? Mql(), Ct);
        created.Succeeded.ShouldBeTrue($"{created.Kind}: {created.Message} {string.Join(" ", created.Errors.SelectMany(e => e.Value))}");
        return created.Value;
    }

    public static async Task<HandOffOutcome> HandOffAsync(SmarketingAppFactory app, Guid id)
    {
        await using var marketing = await app.SignedInAsAsync(Marketing);
        var outcome = (await marketing.ServiceProvider.GetRequiredService<LeadService>().HandOffAsync(new HandOffRequest { LeadIds = [id] }, Ct)).Single();
        outcome.HandedOff.ShouldBeTrue(outcome.Message);
        return outcome;
    }

    /// <summary>A new MQL, handed off to the sales pool.</summary>
    public static async Task<Guid> InThePoolAsync(SmarketingAppFactory app)
    {
        var lead = await CreateAsync(app);
        await HandOffAsync(app, lead.Lead.Id);
        return lead.Lead.Id;
    }

    /// <summary>A new MQL, handed off and claimed by <paramref name="rep"/>.</summary>
    public static async Task<Guid> ClaimedByAsync(SmarketingAppFactory app, string rep)
    {
        var id = await InThePoolAsync(app);
        await using var scope = await app.SignedInAsAsync(rep);
        var claimed = await scope.ServiceProvider.GetRequiredService<LeadService>().ClaimAsync(id, Ct);
        claimed.Succeeded.ShouldBeTrue(claimed.Message);
        return id;
    }

    /// <summary>
    /// Runs every action at the same instant, each on its own thread, released together by a barrier. The SQLite
    /// provider does its I/O synchronously, so thread-pool tasks would mostly run one after another; this makes
    /// the reads and writes of the calls really overlap.
    /// </summary>
    public static async Task<T[]> AllAtOnceAsync<T>(IReadOnlyList<Func<Task<T>>> actions)
    {
        // Awaited before the barrier is disposed: disposing it while the last thread is still on its way to it
        // would leave the others waiting at it forever.
        using var ready = new Barrier(actions.Count);
        var running = actions.Select(action => Task.Factory.StartNew(() =>
        {
            ready.SignalAndWait(Ct);
            return action();
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()).ToList();
        return await Task.WhenAll(running);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    /// <summary>The RFC 7807 problem details of a failed call, checked to be one.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        ((int)response.StatusCode).ShouldBe(status, await response.Content.ReadAsStringAsync(Ct));
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, Ct);

    public static Task<HttpResponseMessage> PostEmptyAsync(this HttpClient client, string path) =>
        client.PostAsync(path, content: null, Ct);
}
