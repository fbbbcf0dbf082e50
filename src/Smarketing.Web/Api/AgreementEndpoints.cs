using System.Text.Json;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.Common;
using Smarketing.Web.Api.OpenApi;
using Smarketing.Web.Auth;

namespace Smarketing.Web.Api;

/// <summary>The agreement over the API: everyone reads; managers draft, edit their sections and sign, under the same rules as the pages.</summary>
internal static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreementEndpoints(this RouteGroupBuilder api)
    {
        var agreement = api.MapGroup("/agreement").WithTags("Agreement");

        agreement.MapGet("", async (AgreementService agreements, CancellationToken ct) =>
            await agreements.GetInForceAsync(ct) is { } version
                ? Results.Ok(VersionResponse.From(version))
                : NotFound("No agreement version is in force yet."))
            .Documented("The agreement version in force, with its clauses, calendar and reasons", ApiExamples.Version, errors: [404]);

        agreement.MapGet("/versions", async (AgreementService agreements, CancellationToken ct) =>
            Results.Ok((await agreements.ListVersionsAsync(ct)).Select(VersionListItem.From)))
            .Documented("Every version, newest first, with its status, effective date and signatures", ApiExamples.Versions);

        agreement.MapGet("/versions/{number:int}", async (int number, AgreementService agreements, CancellationToken ct) =>
            await agreements.GetVersionAsync(number, ct) is { } version
                ? Results.Ok(VersionResponse.From(version))
                : NotFound($"Version {number} does not exist."))
            .Documented("One version of the agreement, by its number", ApiExamples.Version, errors: [404]);

        agreement.MapGet("/diff", async (int from, int to, AgreementService agreements, CancellationToken ct) =>
            (await agreements.DiffAsync(from, to, ct)).ToHttp(lines => Results.Ok(new
            {
                from,
                to,
                changes = lines.Select(l => new { section = l.Section, text = l.Text }),
            })))
            .Documented("What changed between two versions, in words (?from=1&to=2)", ApiExamples.Diff, errors: [404]);

        agreement.MapGet("/draft", async (AgreementService agreements, CancellationToken ct) =>
            await agreements.GetDraftAsync(ct) is { } draft
                ? Results.Ok(VersionResponse.From(draft))
                : NotFound("There is no draft. POST /api/v1/agreement/draft starts one."))
            .Documented("The draft of the next version", ApiExamples.Version, errors: [404]);

        agreement.MapPost("/draft", async (AgreementService agreements, CancellationToken ct) =>
            (await agreements.StartDraftAsync(ct)).ToHttp(draft =>
                Results.Created($"/api/v1/agreement/versions/{draft.Number}", VersionResponse.From(draft))))
            .ForRoles(Roles.DepartmentHeads)
            .Documented("Starts a draft of the next version from the version in force (department heads)", ApiExamples.Version,
                status: StatusCodes.Status201Created, errors: [409]);

        agreement.MapPut("/draft/sections/{section}", async (string section, int? revision, JsonElement body, AgreementService agreements, CancellationToken ct) =>
        {
            if (!Enum.TryParse<AgreementSection>(section, ignoreCase: true, out var which) || int.TryParse(section, out _))
            {
                return NotFound($"There is no section '{section}'. Sections: {string.Join(", ", AgreementSections.All.Select(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString())))}.");
            }

            if (revision is null)
            {
                return Result.Invalid("revision", "Send the section revision you edited as ?revision=N (from GET /api/v1/agreement/draft), so no one's work is overwritten.").ToProblem();
            }

            var content = new AgreementContent();
            if (AgreementJson.TryApply(content, which, body) is { Succeeded: false } unreadable)
            {
                return unreadable.ToProblem();
            }

            var result = await agreements.SaveSectionAsync(new SaveSectionRequest { Section = which, ExpectedRevision = revision.Value, Content = content }, ct);
            return result.ToHttp(outcome => outcome.Conflict is { } conflict
                ? Results.Problem(
                    title: "Someone else saved this section first",
                    detail: $"{conflict.ChangedBy} saved {AgreementSections.Title(conflict.Section).ToLowerInvariant()} at {conflict.ChangedAt:u}; nothing was overwritten. Their changes: " +
                            (conflict.TheirChanges.Count == 0 ? "none in words." : string.Join("; ", conflict.TheirChanges.Select(c => c.Text))),
                    statusCode: StatusCodes.Status409Conflict,
                    extensions: new Dictionary<string, object?>
                    {
                        ["currentRevision"] = conflict.CurrentRevision,
                        ["theirChanges"] = conflict.TheirChanges.Select(c => c.Text).ToList(),
                    })
                : Results.Ok(new { section = which, revision = outcome.Saved!.Revision }));
        })
            .ForRoles(Roles.DraftEditors)
            .Documented("Saves one section of the draft (?revision= the section revision you edited); the body is the section itself",
                ApiExamples.SectionSaved, request: ApiExamples.Personas, errors: [404, 409]);

        agreement.MapPut("/draft/header", async (DraftHeaderRequest request, AgreementService agreements, CancellationToken ct) =>
            (await agreements.SaveHeaderAsync(request, ct)).ToHttp(draft => Results.Ok(VersionResponse.From(draft))))
            .ForRoles(Roles.DepartmentHeads)
            .Documented("Saves the draft's effective date and summary", ApiExamples.Version, request: ApiExamples.DraftHeader, errors: [404, 409]);

        agreement.MapPost("/draft/sign", async (SignRequest request, AgreementService agreements, CancellationToken ct) =>
            (await agreements.SignAsync(request, ct)).ToHttp(version => Results.Ok(VersionResponse.From(version))))
            .ForRoles(Roles.DepartmentHeads)
            .Documented("Signs the draft for a department; the second signature adopts it", ApiExamples.Version, request: ApiExamples.Sign, errors: [404, 409]);

        return api;
    }

    private static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    internal sealed record SignatureResponse(string SignedBy, string Name, DateTimeOffset SignedAt)
    {
        public static SignatureResponse? From(Signature? signature) =>
            signature is null ? null : new(signature.SignedBy, signature.SignerName, signature.SignedAt);
    }

    internal sealed record VersionListItem(int Number, VersionStatus Status, DateOnly? EffectiveFrom, DateTimeOffset? AdoptedAt,
        SignatureResponse? MarketingSignature, SignatureResponse? SalesSignature, string Summary)
    {
        public static VersionListItem From(VersionSummary v) =>
            new(v.Number, v.Status, v.EffectiveFrom, v.AdoptedAt, SignatureResponse.From(v.MarketingSignature), SignatureResponse.From(v.SalesSignature), v.Summary);
    }

    internal sealed record VersionResponse(
        int Number,
        VersionStatus Status,
        DateOnly? EffectiveFrom,
        DateTimeOffset? EffectiveAt,
        DateTimeOffset? AdoptedAt,
        SignatureResponse? MarketingSignature,
        SignatureResponse? SalesSignature,
        int ContentRevision,
        string Summary,
        IReadOnlyDictionary<string, int> SectionRevisions,
        List<Clause> Clauses,
        List<Persona> Personas,
        LeadDefinition LeadDefinition,
        ResponseRules ResponseRules,
        Domain.BusinessTime.BusinessCalendar Calendar,
        List<string> RejectionReasons,
        List<string> LostReasons)
    {
        public static VersionResponse From(AgreementVersionView v) => new(
            v.Number, v.Status, v.EffectiveFrom, v.EffectiveAt, v.AdoptedAt,
            SignatureResponse.From(v.MarketingSignature), SignatureResponse.From(v.SalesSignature),
            v.ContentRevision, v.Summary,
            v.Sections.ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.Key.ToString()), s => s.Value.Revision),
            [.. v.Content.Clauses], v.Content.Personas, v.Content.LeadDefinition, v.Content.ResponseRules, v.Content.Calendar,
            v.Content.Reasons.RejectionReasons, v.Content.Reasons.LostReasons);
    }
}
