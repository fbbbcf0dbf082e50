using Smarketing.Application.Common;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Web.Api;

/// <summary>Leads over the API, acting as the key's user, with the same rules and validation as the pages.</summary>
internal static class LeadEndpoints
{
    public static RouteGroupBuilder MapLeadEndpoints(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads");
        leads.MapLeadBatch();

        leads.MapPost("", async (CreateLeadRequest request, LeadService service, CancellationToken ct) =>
            (await service.CreateAsync(request, ct)).ToHttp(details => details.IsNew
                ? Results.Created($"/api/v1/leads/{details.Lead.Id}", LeadResponse.From(details))
                : Results.Ok(LeadResponse.From(details))));

        leads.MapGet("", async (string? externalId, string? email, string? stage, string? owner, string? search, int? page, int? pageSize, LeadService service, CancellationToken ct) =>
        {
            LeadStage? parsedStage = null;
            if (!string.IsNullOrWhiteSpace(stage))
            {
                if (!Enum.TryParse<LeadStage>(stage, ignoreCase: true, out var s) || int.TryParse(stage, out _))
                {
                    return Result.Invalid("stage", $"Unknown stage '{stage}'. Stages: {string.Join(", ", Enum.GetNames<LeadStage>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.").ToProblem();
                }

                parsedStage = s;
            }

            var paging = Paging.Parse(page, pageSize);
            if (!paging.Succeeded)
            {
                return paging.ToProblem();
            }

            var (number, size) = paging.Value;
            var result = await service.ListAsync(new LeadQuery
            {
                ExternalId = externalId, Email = email, Stage = parsedStage, OwnerEmail = owner, Search = search,
                Skip = paging.Value.Skip, Take = size,
            }, ct);
            return Results.Ok(new { items = result.Items, total = result.Total, page = number, pageSize = size });
        });

        leads.MapGet("/{id:guid}", async (Guid id, LeadService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } details
                ? Results.Ok(LeadResponse.From(details))
                : Result.NotFound("That lead does not exist.").ToProblem());

        leads.MapGet("/{id:guid}/sla", async (Guid id, LeadService service, Application.Clocks.SlaClock clocks, CancellationToken ct) =>
        {
            if (await service.GetAsync(id, ct) is null)
            {
                return Result.NotFound("That lead does not exist.").ToProblem();
            }

            var timers = await clocks.ForLeadAsync(id, ct);
            return Results.Ok(timers.Select(v => new
            {
                clause = v.Timer.Clause,
                kind = v.Timer.Kind,
                budgetBusinessMinutes = v.Timer.BudgetBusinessMinutes,
                startedAt = v.Timer.StartedAt,
                atRiskAt = v.Timer.AtRiskAt,
                dueAt = v.Timer.DueAt,
                stoppedAt = v.Timer.StoppedAt,
                status = v.Timer.Status,
                businessMinutesElapsed = v.BusinessMinutesSoFar,
                slaVersion = v.Timer.SlaVersion,
                cycle = v.Timer.Cycle,
                explanation = v.DueExplanation,
            }));
        });

        leads.MapPost("/{id:guid}/handoff", async (Guid id, HandOffBody? body, LeadService service, CancellationToken ct) =>
        {
            var outcome = (await service.HandOffAsync(new HandOffRequest { LeadIds = [id], OverrideReason = body?.OverrideReason }, ct)).Single();
            return Respond((Result<LeadDetails>)outcome.Result);
        });

        leads.MapPost("/{id:guid}/claim", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.ClaimAsync(id, ct)));
        leads.MapPost("/{id:guid}/contacts", async (Guid id, ContactRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.LogContactAsync(id, request, ct)));
        leads.MapPost("/{id:guid}/accept", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.AcceptAsync(id, ct)));
        leads.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.RejectAsync(id, request, ct)));
        leads.MapPost("/{id:guid}/convert", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.ConvertAsync(id, ct)));
        leads.MapPost("/{id:guid}/won", async (Guid id, WonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.MarkWonAsync(id, request, ct)));
        leads.MapPost("/{id:guid}/lost", async (Guid id, ReasonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.MarkLostAsync(id, request, ct)));
        leads.MapPost("/{id:guid}/reassign", async (Guid id, ReassignRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.ReassignAsync(id, request, ct)));
        leads.MapPost("/{id:guid}/merge", async (Guid id, MergeRequest request, LeadMerging merging, CancellationToken ct) =>
            Respond(await merging.MergeAsync(id, request, ct)));

        return api;
    }

    private static IResult Respond(Result<LeadDetails> result) => result.ToHttp(details => Results.Ok(LeadResponse.From(details)));

    internal sealed record HandOffBody(string? OverrideReason);

    /// <summary>An event; <c>LeadId</c> is the lead whose history it is (a merged duplicate's, on the lead it was merged into).</summary>
    internal sealed record EventResponse(
        Guid LeadId, LeadEventType Type, DateTimeOffset At, DateTimeOffset? OccurredAt, string? Actor, LeadStage? From, LeadStage? To,
        string? Reason, string? Note, string? Owner, ContactChannel? Channel, ContactOutcome? Outcome, decimal? Amount, int? SlaVersion);

    internal sealed record LeadResponse(
        Guid Id, string? ExternalId, string Email, string FirstName, string LastName, string Company, string? Title, int? CompanySize,
        string? Industry, string? Country, string? Source, string? Campaign, int EngagementScore,
        LeadStage Stage, string? Owner, bool IsMql, int Score, string? Grade, string? Persona, QualificationVerdict? Qualification,
        DateTimeOffset? HandedOffAt, int? HandedOffVersion, DateTimeOffset? ClaimedAt, DateTimeOffset? FirstContactAt, int ContactAttempts,
        DateTimeOffset? AcceptedAt, DateTimeOffset? RejectedAt, string? RejectionReason, DateTimeOffset? SqlAt,
        DateTimeOffset? WonAt, decimal? Amount, DateTimeOffset? LostAt, string? LostReason, int Revision, DateTimeOffset CreatedAt,
        IReadOnlyList<EventResponse> Events, Guid? MergedIntoId, IReadOnlyList<LeadRef> MergedLeads)
    {
        public static LeadResponse From(LeadDetails d)
        {
            var l = d.Lead;
            return new(l.Id, l.ExternalId, l.Email, l.FirstName, l.LastName, l.Company, l.Title, l.CompanySize, l.Industry, l.Country,
                l.Source, l.Campaign, l.EngagementScore, l.Stage, l.OwnerEmail, l.IsMql, l.Score, l.Grade, l.Persona, d.Verdict,
                l.HandedOffAt, l.HandedOffVersion, l.ClaimedAt, l.FirstContactAt, l.ContactAttempts, l.AcceptedAt, l.RejectedAt,
                l.RejectionReason, l.SqlAt, l.WonAt, l.Amount, l.LostAt, l.LostReason, l.Revision, l.CreatedAt,
                d.Events.Select(e => new EventResponse(e.LeadId, e.Type, e.At, e.OccurredAt, e.ActorEmail, e.FromStage, e.ToStage, e.Reason, e.Note,
                    e.OwnerEmail, e.Channel, e.Outcome, e.Amount, e.SlaVersion)).ToList(), l.MergedIntoId, d.MergedLeads);
        }
    }
}
