using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;
using Smarketing.Application.Reports;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Leads;

/// <summary>
/// The lead list as a CSV file: one row per event, with its lead's fields repeated, for the leads the list's filter
/// matches, newest lead first and each lead's events in order. Rows are read and written as they come, so 100,000 leads
/// never sit in memory; cells are written by <see cref="ReportCsv"/> (formulas neutralised), times in the reader's zone.
/// </summary>
public sealed class LeadExport(IAppDbContextFactory dbFactory, ICurrentUser currentUser, IViewerTimeZone zones, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Header =
    [
        "lead_id", "external_id", "email", "first_name", "last_name", "company", "title", "company_size", "industry", "country",
        "source", "campaign", "engagement_score", "stage", "owner", "is_mql", "score", "grade", "created_at", "handed_off_at",
        "event", "event_at", "event_occurred_at", "event_actor", "event_from_stage", "event_to_stage", "event_reason", "event_note",
        "event_owner", "event_channel", "event_outcome", "event_amount", "event_sla_version",
    ];

    /// <summary>Marketing managers export, as they read the lead list.</summary>
    public Result MayExport() =>
        currentUser.IsInRole(Roles.MarketingManager) ? Result.Success() : Result.Forbidden("Only marketing managers export the lead list.");

    /// <summary>The file's name, with today's date in the reader's zone: leads-2026-12-07.csv.</summary>
    public async Task<string> FileNameAsync(CancellationToken ct = default)
    {
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), await zones.ViewerZoneAsync(ct));
        return $"leads-{today:yyyy-MM-dd}.csv";
    }

    public async Task WriteAsync(LeadQuery filter, TextWriter writer, CancellationToken ct = default)
    {
        var zone = await zones.ViewerZoneAsync(ct);
        await using var db = await dbFactory.CreateAsync(ct);
        var rows =
            from l in db.Leads.AsNoTracking().Matching(filter)
            join e in db.LeadEvents.AsNoTracking() on l.Id equals e.LeadId into events
            from e in events.DefaultIfEmpty()
            orderby l.CreatedAt descending, l.Id, e!.At, e.Id
            select new Row(
                new LeadRow(l.Id, l.ExternalId, l.Email, l.FirstName, l.LastName, l.Company, l.Title, l.CompanySize, l.Industry, l.Country,
                    l.Source, l.Campaign, l.EngagementScore, l.Stage, l.OwnerEmail, l.IsMql, l.Score, l.Grade, l.CreatedAt, l.HandedOffAt),
                e == null ? null : new EventRow(
                e.Type, e.At, e.OccurredAt, e.ActorEmail, e.FromStage, e.ToStage, e.Reason, e.Note, e.OwnerEmail, e.Channel, e.Outcome,
                e.Amount, e.SlaVersion));
        await ReportCsv.WriteAsync(writer, Header, Cells(rows.AsAsyncEnumerable(), ct), zone, ct);
    }

    private static async IAsyncEnumerable<object?[]> Cells(IAsyncEnumerable<Row> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (l, e) in rows.WithCancellation(ct))
        {
            yield return
            [
                l.Id, l.ExternalId, l.Email, l.FirstName, l.LastName, l.Company, l.Title, l.CompanySize, l.Industry, l.Country,
                l.Source, l.Campaign, l.EngagementScore, LeadStages.Label(l.Stage), l.OwnerEmail, l.IsMql, l.Score, l.Grade, l.CreatedAt,
                l.HandedOffAt, e?.Type, e?.At, e?.OccurredAt, e?.Actor, Label(e?.From), Label(e?.To), e?.Reason, e?.Note, e?.Owner,
                e?.Channel, e?.Outcome, e?.Amount, e?.SlaVersion,
            ];
        }
    }

    private static string? Label(LeadStage? stage) => stage is { } s ? LeadStages.Label(s) : null;

    private sealed record Row(LeadRow Lead, EventRow? Event);

    private sealed record LeadRow(
        Guid Id, string? ExternalId, string Email, string FirstName, string LastName, string Company, string? Title, int? CompanySize,
        string? Industry, string? Country, string? Source, string? Campaign, int EngagementScore, LeadStage Stage, string? OwnerEmail,
        bool IsMql, int Score, string? Grade, DateTimeOffset CreatedAt, DateTimeOffset? HandedOffAt);

    private sealed record EventRow(
        LeadEventType Type, DateTimeOffset At, DateTimeOffset? OccurredAt, string? Actor, LeadStage? From, LeadStage? To, string? Reason,
        string? Note, string? Owner, ContactChannel? Channel, ContactOutcome? Outcome, decimal? Amount, int? SlaVersion);
}
