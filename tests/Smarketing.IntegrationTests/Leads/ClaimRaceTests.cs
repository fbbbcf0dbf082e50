using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Leads;

/// <summary>
/// Claim exactly once under a race, on a real SQLite file: fifty claims of one handed-off lead from the three demo
/// reps at the same moment, through the service layer and over the API. One rep gets it; everyone else is told who did.
/// </summary>
public sealed class ClaimRaceTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private const int Claims = 50;

    [Fact]
    public async Task FiftyRepsClaimingOneLeadAtOnce_ThroughTheService_OneWins_FortyNineAreToldItIsTaken_AndTheHistoryHoldsOneClaim()
    {
        var id = await Pipeline.InThePoolAsync(app);
        var scopes = new List<(string Rep, AsyncServiceScope Scope)>();
        for (var i = 0; i < Claims; i++)
        {
            var rep = Pipeline.Reps[i % Pipeline.Reps.Length];
            scopes.Add((rep, await app.SignedInAsAsync(rep)));
        }

        Result<LeadDetails>[] results;
        try
        {
            var services = scopes.Select(s => s.Scope.ServiceProvider.GetRequiredService<LeadService>()).ToList();
            results = await Pipeline.AllAtOnceAsync(services.Select(service => (Func<Task<Result<LeadDetails>>>)(() => service.ClaimAsync(id, Pipeline.Ct))).ToList());
        }
        finally
        {
            foreach (var (_, scope) in scopes)
            {
                await scope.DisposeAsync();
            }
        }

        var winners = results.Where(r => r.Succeeded).ToList();
        winners.Count.ShouldBe(1);
        var owner = winners[0].Value.Lead.OwnerEmail.ShouldNotBeNull();
        results.Count(r => r.Kind == ResultKind.Conflict).ShouldBe(Claims - 1, string.Join(Environment.NewLine, results.Where(r => !r.Succeeded).Select(r => $"{r.Kind}: {r.Message}").Distinct()));
        for (var i = 0; i < Claims; i++)
        {
            if (!results[i].Succeeded)
            {
                results[i].Message.ShouldBe(scopes[i].Rep == owner ? "You have already claimed Ava Adams." : $"Ava Adams is already claimed by {owner}.");
            }
        }

        await using var db = app.OpenDatabase();
        var lead = await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id, Pipeline.Ct);
        lead.Stage.ShouldBe(LeadStage.Claimed);
        lead.OwnerEmail.ShouldBe(owner);
        var claimEvents = await db.LeadEvents.AsNoTracking().Where(e => e.LeadId == id && e.Type == LeadEventType.Claimed).ToListAsync(Pipeline.Ct);
        claimEvents.Count.ShouldBe(1);
        claimEvents[0].ActorEmail.ShouldBe(owner);
    }

    [Fact]
    public async Task FiftyClaimsOfOneLeadAtOnce_OverTheApiWithTheDemoRepsKeys_Get_One200_And49ConflictProblems()
    {
        var id = await Pipeline.InThePoolAsync(app);
        var clients = Pipeline.Reps.ToDictionary(rep => rep, rep => app.ApiClient("demo-" + rep[..rep.IndexOf('@')]));
        var callers = Enumerable.Range(0, Claims).Select(i => Pipeline.Reps[i % Pipeline.Reps.Length]).ToList();

        // The in-memory server runs each request on the thread pool: give it a thread per request, as Kestrel on a busy
        // machine would have, so the fifty claims are worked on side by side rather than a few at a time.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, Claims * 2), completionPorts);
        HttpResponseMessage[] responses;
        try
        {
            responses = await Pipeline.AllAtOnceAsync(callers.Select(rep => (Func<Task<HttpResponseMessage>>)(() => clients[rep].PostEmptyAsync($"/api/v1/leads/{id}/claim"))).ToList());
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }


        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(Claims - 1, string.Join(", ", responses.Select(r => (int)r.StatusCode).Distinct()));
        var won = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).JsonAsync();
        won.GetProperty("stage").GetString().ShouldBe("claimed");
        var owner = won.GetProperty("owner").GetString().ShouldNotBeNull();
        for (var i = 0; i < Claims; i++)
        {
            if (responses[i].StatusCode == HttpStatusCode.Conflict)
            {
                var problem = await responses[i].ProblemAsync(409);
                problem.GetProperty("detail").GetString().ShouldBe(callers[i] == owner ? "You have already claimed Ava Adams." : $"Ava Adams is already claimed by {owner}.");
            }
        }

        await using var db = app.OpenDatabase();
        (await db.LeadEvents.AsNoTracking().CountAsync(e => e.LeadId == id && e.Type == LeadEventType.Claimed, Pipeline.Ct)).ShouldBe(1);
        (await db.Leads.AsNoTracking().SingleAsync(l => l.Id == id, Pipeline.Ct)).OwnerEmail.ShouldBe(owner);
    }
}
