using Smarketing.Application.Common;
using Smarketing.Application.Leads;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;
using Smarketing.Web.Api.OpenApi;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api;

/// <summary>Leads over the API, acting as the key's user, with the same rules and validation as the pages.</summary>
internal static class LeadEndpoints
{
    public static RouteGroupBuilder MapLeadEndpoints(this RouteGroupBuilder api)
    {
        var leads = api.MapGroup("/leads").WithTags("Leads");
        leads.MapLeadBatch();
        // The batch endpoint's file is the intake work's; it is documented here, by its route.
        leads.DocumentedRoute(HttpMethods.Post, "/batch", "Adds or updates up to 1,000 leads, one result per item in order (created, updated, merged or invalid)",
            ApiExamples.BatchResult, request: ApiExamples.Batch);

        leads.MapPost("", async (CreateLeadRequest request, LeadService service, CancellationToken ct) =>
            (await service.CreateAsync(request, ct)).ToHttp(details => details.IsNew
                ? Results.Created($"/api/v1/leads/{details.Lead.Id}", LeadResponse.From(details))
                : Results.Ok(LeadResponse.From(details))))
            .ForRoles(Roles.LeadAdders)
            .Documented("Adds a lead (201), or updates the lead with the same externalId (200), with its qualification verdict",
                ApiExamples.Lead, request: ApiExamples.NewLead, status: StatusCodes.Status201Created);

        leads.MapGet("", async (string? externalId, string? email, string? stage, string? owner, string? search, int? page, int? pageSize, LeadService service, CancellationToken ct) =>
        {
            var parsedStage = ParseStage(stage);
            if (!parsedStage.Succeeded)
            {
                return parsedStage.ToProblem();
            }

            var paging = Paging.Parse(page, pageSize);
            if (!paging.Succeeded)
            {
                return paging.ToProblem();
            }

            var (number, size) = paging.Value;
            var result = await service.ListAsync(new LeadQuery
            {
                ExternalId = externalId, Email = email, Stage = parsedStage.Value, OwnerEmail = owner, Search = search,
                Skip = paging.Value.Skip, Take = size,
            }, ct);
            return Results.Ok(new { items = result.Items, total = result.Total, page = number, pageSize = size });
        })
            .Documented("A page of leads, newest first, filtered by externalId, email, stage or owner", ApiExamples.LeadPage);

        leads.MapGet("/{id:guid}", async (Guid id, LeadService service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } details
                ? Results.Ok(LeadResponse.From(details))
                : Result.NotFound("That lead does not exist.").ToProblem())
            .Documented("One lead with its events, oldest first", ApiExamples.Lead, errors: [404]);

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
        })
            .Documented("The lead's SLA timers: each clause's budget, due time and status", ApiExamples.Timers, errors: [404]);

        leads.MapPost("/{id:guid}/handoff", async (Guid id, HandOffBody? body, LeadService service, CancellationToken ct) =>
        {
            var outcome = (await service.HandOffAsync(new HandOffRequest { LeadIds = [id], OverrideReason = body?.OverrideReason }, ct)).Single();
            return Respond((Result<LeadDetails>)outcome.Result);
        })
            .ForRoles(LeadActionRoles.For(LeadAction.HandOff))
            .Documented("Hands the lead to sales (marketing managers); a lead that is not an MQL needs an overrideReason", ApiExamples.Lead,
                request: ApiExamples.HandOff, errors: Transition);

        leads.MapPost("/{id:guid}/claim", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.ClaimAsync(id, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Claim))
            .Documented("Claims a handed-off lead for the key's rep; exactly one rep wins", ApiExamples.Lead, errors: Transition);
        leads.MapPost("/{id:guid}/contacts", async (Guid id, ContactRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.LogContactAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.LogContact))
            .Documented("Logs a contact attempt by the lead's owner", ApiExamples.Lead, request: ApiExamples.Contact, errors: Transition);
        leads.MapPost("/{id:guid}/accept", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.AcceptAsync(id, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Accept))
            .Documented("Accepts the lead (a sales-accepted lead)", ApiExamples.Lead, errors: Transition);
        leads.MapPost("/{id:guid}/reject", async (Guid id, ReasonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.RejectAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Reject))
            .Documented("Rejects the lead with a reason from the agreement; it goes back to marketing", ApiExamples.Lead, request: ApiExamples.Rejection, errors: Transition);
        leads.MapPost("/{id:guid}/convert", async (Guid id, LeadService service, CancellationToken ct) =>
            Respond(await service.ConvertAsync(id, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Convert))
            .Documented("Converts an accepted lead to an opportunity (SQL)", ApiExamples.Lead, errors: Transition);
        leads.MapPost("/{id:guid}/won", async (Guid id, WonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.MarkWonAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.MarkWon))
            .Documented("Marks the opportunity won, with its amount", ApiExamples.Lead, request: ApiExamples.Won, errors: Transition);
        leads.MapPost("/{id:guid}/lost", async (Guid id, ReasonRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.MarkLostAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.MarkLost))
            .Documented("Marks the opportunity lost, with a reason from the agreement", ApiExamples.Lead, request: ApiExamples.Loss, errors: Transition);
        leads.MapPost("/{id:guid}/reassign", async (Guid id, ReassignRequest request, LeadService service, CancellationToken ct) =>
            Respond(await service.ReassignAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Reassign))
            .Documented("Gives the lead to another rep, with a reason (sales managers)", ApiExamples.Lead, request: ApiExamples.Reassignment, errors: Transition);
        leads.MapPost("/{id:guid}/merge", async (Guid id, MergeRequest request, LeadMerging merging, CancellationToken ct) =>
            Respond(await merging.MergeAsync(id, request, ct)))
            .ForRoles(LeadActionRoles.For(LeadAction.Merge))
            .Documented("Merges a duplicate into the lead (marketing managers), keeping both histories; takeFromDuplicate names the details to take from it",
                ApiExamples.Lead, request: new { duplicateId = Guid.Parse("7d1c2f0a-8b9e-4c3d-a2f1-0e9b8c7d6a51"), takeFromDuplicate = new[] { "company", "title" } }, errors: [404, 409]);

        return api;
    }

    /// <summary>A stage by its name in any case (handedOff, HANDEDOFF), never by number; empty means every stage.</summary>
    internal static Result<LeadStage?> ParseStage(string? stage)
    {
        if (string.IsNullOrWhiteSpace(stage))
        {
            return (LeadStage?)null;
        }

        return Enum.TryParse<LeadStage>(stage, ignoreCase: true, out var parsed) && !int.TryParse(stage, out _)
            ? parsed
            : Result<LeadStage?>.Fail(Result.Invalid("stage",
                $"Unknown stage '{stage}'. Stages: {string.Join(", ", Enum.GetNames<LeadStage>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}."));
    }

    // What a move of a lead can answer beyond the standard problems: the lead does not exist, or its state is in the way.
    private static readonly int[] Transition = [StatusCodes.Status404NotFound, StatusCodes.Status409Conflict];

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
