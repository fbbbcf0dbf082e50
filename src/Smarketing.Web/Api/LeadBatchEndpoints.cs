using Smarketing.Application.Leads;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api;

/// <summary>
/// POST /api/v1/leads/batch: up to <see cref="LeadIntake.MaxBatchSize"/> leads, one result per item in request order
/// (created, updated, merged or invalid), each lead as the single POST returns it.
/// </summary>
internal static class LeadBatchEndpoints
{
    public static RouteGroupBuilder MapLeadBatch(this RouteGroupBuilder leads)
    {
        leads.MapPost("/batch", async (List<CreateLeadRequest?> items, LeadIntake intake, CancellationToken ct) =>
            (await intake.IntakeAsync(items, ct)).ToHttp(outcome => Results.Ok(BatchResponse.From(outcome))))
            .ForRoles(Domain.Common.Roles.LeadAdders);
        return leads;
    }

    internal sealed record MergedIntoResponse(Guid LeadId, int? Index, string MatchedBy);

    internal sealed record ItemResponse(
        int Index,
        IntakeStatus Status,
        string Message,
        LeadEndpoints.LeadResponse? Lead,
        MergedIntoResponse? MergedInto,
        IReadOnlyDictionary<string, string[]>? Errors);

    internal sealed record BatchResponse(int Created, int Updated, int Merged, int Invalid, IReadOnlyList<ItemResponse> Results)
    {
        public static BatchResponse From(IntakeOutcome outcome) => new(
            outcome.Count(IntakeStatus.Created),
            outcome.Count(IntakeStatus.Updated),
            outcome.Count(IntakeStatus.Merged),
            outcome.Count(IntakeStatus.Invalid),
            outcome.Items.Select(i => new ItemResponse(
                i.Index,
                i.Status,
                i.Message,
                i.Lead is null ? null : LeadEndpoints.LeadResponse.From(i.Lead),
                i.MergedInto is { } m ? new MergedIntoResponse(m.LeadId, m.Index, m.MatchedBy) : null,
                i.Errors?.ToDictionary(e => CamelCase(e.Key), e => e.Value))).ToList());

        private static string CamelCase(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
    }
}
