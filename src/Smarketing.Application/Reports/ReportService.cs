using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Application.Leads;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Common;
using Smarketing.Domain.Leads;

namespace Smarketing.Application.Reports;

/// <summary>
/// The two-sided scorecard and the response-time report. Counting happens in the database over the stored timers
/// (whose met/breached and business minutes never change once stopped); only per-group aggregates come back.
/// Definitions follow product.md: a lead belongs to the period when its hand-off falls on a local date in [from, to]
/// in the time zone of the agreement version that judges it (the version in force at hand-off).
/// </summary>
public sealed class ReportService(IAppDbContextFactory dbFactory, AgreementService agreements, IRepDirectory reps, ICurrentUser currentUser, TimeProvider clock)
{
    public const string Unclaimed = "(unclaimed)";
    public const string NoTeam = "(no team)";
    public const string AllLeads = "All leads";

    /// <summary>The funnel's stages, in order, as <see cref="FunnelAsync"/> names them.</summary>
    public static readonly IReadOnlyList<string> FunnelStages = ["Leads", "MQL", "Handed off", "Accepted", "SQL", "Won"];
    public const int MaxRangeDays = 400;

    /// <summary>The most leads a drill-down lists; its counts still cover every lead behind the number.</summary>
    public const int DrillLimit = 1000;

    public static Result? RefuseRange(DateOnly from, DateOnly to) =>
        to < from ? Result.Invalid("to", "'to' must be on or after 'from'.")
        : to.DayNumber - from.DayNumber + 1 > MaxRangeDays ? Result.Invalid("to", $"A report covers at most {MaxRangeDays} days.")
        : null;

    public bool MayRead() => Roles.ReadsReports(currentUser.IsInRole);

    public async Task<IReadOnlyList<ResponseTimeRow>> ResponseTimesAsync(DateOnly from, DateOnly to, GroupBy groupBy, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var zones = await VersionZonesAsync(ct);
        var now = clock.GetUtcNow();
        switch (groupBy)
        {
            case GroupBy.Week:
            {
                var weeks = IsoWeeks(from, to).ToList();
                var cells = await ReportQueries.ResponseByBucketAsync(db, weeks.Select(w => Windows(zones, w.From, w.To, null)).ToList(), now, ct);
                var byWeek = cells.ToLookup(c => c.Bucket);
                return weeks.Select((w, i) => ResponseRow(w.Label, byWeek[i])).ToList();
            }

            case GroupBy.Team:
            {
                var teams = (await reps.ListRepsAsync(ct)).ToLookup(r => r.Team ?? NoTeam, r => r.Email);
                var cells = await ReportQueries.ResponseByOwnerAsync(db, Windows(zones, from, to, null), now, ct);
                var rows = new List<ResponseTimeRow>();
                foreach (var team in teams.OrderBy(t => t.Key))
                {
                    var emails = team.ToHashSet(StringComparer.Ordinal);
                    rows.Add(ResponseRow(team.Key, cells.Where(c => c.Owner != null && emails.Contains(c.Owner))));
                }

                var known = teams.SelectMany(t => t).ToHashSet(StringComparer.Ordinal);
                if (cells.Any(c => c.Owner is null || !known.Contains(c.Owner)))
                {
                    rows.Add(ResponseRow(Unclaimed, cells.Where(c => c.Owner is null || !known.Contains(c.Owner))));
                }

                return rows;
            }

            default:
            {
                var cells = await ReportQueries.ResponseByOwnerAsync(db, Windows(zones, from, to, null), now, ct);
                var byOwner = cells.ToLookup(c => c.Owner, StringComparer.Ordinal);
                var owners = cells.Select(c => c.Owner).Distinct();
                var everyRep = (await reps.ListRepsAsync(ct)).Select(r => (string?)r.Email);
                return owners.Union(everyRep).Distinct().OrderBy(o => o is null).ThenBy(o => o)
                    .Select(owner => ResponseRow(owner ?? Unclaimed, byOwner[owner]))
                    .ToList();
            }
        }
    }

    /// <summary>The response-time row over every lead handed off in the period, whoever owns it.</summary>
    public async Task<ResponseTimeRow> ResponseTotalAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var windows = Windows(await VersionZonesAsync(ct), from, to, null);
        return ResponseRow(AllLeads, await ReportQueries.ResponseByOwnerAsync(db, windows, clock.GetUtcNow(), ct));
    }

    public async Task<Scorecard> ScorecardAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var now = clock.GetUtcNow();
        var rows = new List<ScorecardRow>();
        var adopted = await AdoptedVersionsAsync(ct);
        var zones = adopted.Select(v => (v.Number, LocalTime.Zone(v.Content.Calendar.TimeZone))).ToList();
        foreach (var version in adopted)
        {
            var content = await agreements.GetAdoptedContentAsync(version.Number, ct);
            var windows = Windows(zones, from, to, version.Number);

            // One statement per version: a member per distinct segment of its clauses, plus every first contact (was it judged?).
            var everyLead = new Segment(TimerKind.FirstContact, null, null);
            var segments = content.Clauses.Select(SegmentOf).Prepend(everyLead).Distinct().ToList();
            var counts = (await ReportQueries.SegmentsAsync(db, windows, segments, now, ct)).ToDictionary(c => c.Segment);
            var judged = counts[everyLead].Count > 0;
            if (!judged && !InForceDuring(adopted, version.Number, from, to))
            {
                continue;
            }

            var (countFrom, countTo) = InForceRange(adopted, version.Number, from, to);
            foreach (var clause in content.Clauses)
            {
                var (actual, sample) = Actual(clause, counts[SegmentOf(clause)]);
                var prorated = clause.MetricInfo.Unit == MetricUnit.Count
                    ? new ProratedTarget(clause.Target, clause.Period, countTo.DayNumber - countFrom.DayNumber + 1)
                    : null;
                var target = prorated is null ? clause.Target : Prorate(clause.Target, clause.Period, countFrom, countTo);
                rows.Add(new ScorecardRow(clause.Id, clause.Title, clause.Owner, clause.Metric, clause.MetricInfo.Unit, clause.Comparison,
                    target, actual, actual is null ? null : clause.Comparison == Comparison.AtLeast ? actual >= target : actual <= target,
                    sample, [version.Number], clause.Describe()) { Prorated = prorated });
            }
        }

        return new Scorecard(from, to, rows);
    }

    public async Task<IReadOnlyList<FunnelStep>> FunnelAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (start, end) = await LocalRangeAsync(from, to, ct);
        var leads = db.Leads.AsNoTracking().Where(LeadStages.StandsAlone).Where(l => l.CreatedAt >= start && l.CreatedAt < end);
        var counts = await leads.GroupBy(_ => 1).Select(g => new
        {
            Leads = g.Count(),
            // A lead handed off with an override passed the MQL gate too; counting it keeps every stage inside the one before.
            Mqls = g.Count(l => l.IsMql || l.HandedOffAt != null),
            HandedOff = g.Count(l => l.HandedOffAt != null),
            Accepted = g.Count(l => l.AcceptedAt != null),
            Sql = g.Count(l => l.SqlAt != null),
            Won = g.Count(l => l.WonAt != null),
        }).SingleOrDefaultAsync(ct);

        // Medians need the individual gaps; only the stage timestamps of leads that reached each stage are read.
        var handOffGaps = await leads.Where(l => l.HandedOffAt != null).Select(l => new { l.CreatedAt, l.HandedOffAt }).ToListAsync(ct);
        var acceptGaps = await leads.Where(l => l.AcceptedAt != null).Select(l => new { l.HandedOffAt, l.AcceptedAt }).ToListAsync(ct);
        var sqlGaps = await leads.Where(l => l.SqlAt != null).Select(l => new { l.AcceptedAt, l.SqlAt }).ToListAsync(ct);
        var wonGaps = await leads.Where(l => l.WonAt != null).Select(l => new { l.SqlAt, l.WonAt }).ToListAsync(ct);

        var c = counts ?? new { Leads = 0, Mqls = 0, HandedOff = 0, Accepted = 0, Sql = 0, Won = 0 };
        return
        [
            new("Leads", c.Leads, null, null),
            new("MQL", c.Mqls, Rate(c.Mqls, c.Leads), null),
            new("Handed off", c.HandedOff, Rate(c.HandedOff, c.Mqls), Median(handOffGaps.Select(g => (g.HandedOffAt!.Value - g.CreatedAt).TotalDays))),
            new("Accepted", c.Accepted, Rate(c.Accepted, c.HandedOff), Median(acceptGaps.Where(g => g.HandedOffAt != null).Select(g => (g.AcceptedAt!.Value - g.HandedOffAt!.Value).TotalDays))),
            new("SQL", c.Sql, Rate(c.Sql, c.Accepted), Median(sqlGaps.Where(g => g.AcceptedAt != null).Select(g => (g.SqlAt!.Value - g.AcceptedAt!.Value).TotalDays))),
            new("Won", c.Won, Rate(c.Won, c.Sql), Median(wonGaps.Where(g => g.SqlAt != null).Select(g => (g.WonAt!.Value - g.SqlAt!.Value).TotalDays))),
        ];
    }

    /// <summary>The leads created in the period that reached a funnel stage ("Leads", "MQL", "Handed off", "Accepted", "SQL", "Won").</summary>
    public async Task<IReadOnlyList<LeadSummary>?> FunnelLeadsAsync(DateOnly from, DateOnly to, string stage, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var (start, end) = await LocalRangeAsync(from, to, ct);
        var leads = db.Leads.AsNoTracking().Where(LeadStages.StandsAlone).Where(l => l.CreatedAt >= start && l.CreatedAt < end);
        if (!FunnelStages.Contains(stage))
        {
            return null;
        }

        leads = stage switch
        {
            "MQL" => leads.Where(l => l.IsMql || l.HandedOffAt != null),
            "Handed off" => leads.Where(l => l.HandedOffAt != null),
            "Accepted" => leads.Where(l => l.AcceptedAt != null),
            "SQL" => leads.Where(l => l.SqlAt != null),
            "Won" => leads.Where(l => l.WonAt != null),
            _ => leads,
        };

        return await leads.OrderBy(l => l.CreatedAt).Take(1000)
            .Select(LeadService.Summary)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ReasonCount>> RejectionReasonsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var windows = Windows(await VersionZonesAsync(ct), from, to, null);
        var leadIds = FirstContacts(db, windows).Select(x => x.Timer.LeadId);
        var counts = await db.Leads.AsNoTracking()
            .Where(l => l.RejectionReason != null && leadIds.Contains(l.Id))
            .GroupBy(l => l.RejectionReason!)
            .Select(g => new { Reason = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var total = counts.Sum(x => x.Count);
        var cumulative = 0;
        return counts.OrderByDescending(x => x.Count).ThenBy(x => x.Reason).Select(x =>
        {
            cumulative += x.Count;
            return new ReasonCount(x.Reason, x.Count, Rate(x.Count, total) ?? 0, Rate(cumulative, total) ?? 0);
        }).ToList();
    }

    public async Task<IReadOnlyList<WeeklyDelivery>> WeeklyDeliveryAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        // Each week is held to the commitment of the version in force when it began, not today's: a lead is always
        // judged by the version in force at its hand-off, even after the agreement changes.
        var adopted = await AdoptedVersionsAsync(ct);
        var zones = await VersionZonesAsync(ct);
        var weeks = IsoWeeks(from, to).ToList();
        var cells = (await ReportQueries.DeliveryByBucketAsync(db, weeks.Select(w => Windows(zones, w.From, w.To, null)).ToList(), ct)).ToLookup(c => c.Bucket);
        var rows = new List<WeeklyDelivery>();
        for (var i = 0; i < weeks.Count; i++)
        {
            var (label, weekFrom, weekTo) = weeks[i];

            // (A version takes effect at the start of its effective date, local time; before the first, the first judges.)
            var inForce = adopted.Where(v => v.EffectiveFrom <= weekFrom).OrderByDescending(v => v.EffectiveFrom).ThenByDescending(v => v.Number).FirstOrDefault()
                ?? adopted.OrderBy(v => v.EffectiveFrom).ThenBy(v => v.Number).FirstOrDefault();
            var monthly = inForce?.Content.MarketingClauses.FirstOrDefault(c => c.Metric == ClauseMetric.MqlsDelivered && c.Grade is null && c.Persona is null);
            var week = cells[i].ToList();
            var target = monthly is null ? (decimal?)null : Math.Round(Prorate(monthly.Target, monthly.Period, weekFrom, weekTo), 1);
            rows.Add(new WeeklyDelivery(label, weekFrom, week.Sum(c => c.Count), target, week.Sum(c => c.Accepted), week.Sum(c => c.Rejected)));
        }

        return rows;
    }

    /// <summary>The leads behind a number on the scorecard or the response-time report.</summary>
    public async Task<IReadOnlyList<LeadSummary>> DrillAsync(DateOnly from, DateOnly to, DrillKind kind, string? owner, CancellationToken ct = default, string? team = null, string? reason = null)
    {
        await using var db = await dbFactory.CreateAsync(ct);
        var windows = Windows(await VersionZonesAsync(ct), from, to, null);
        var now = clock.GetUtcNow();
        var rows = FirstContacts(db, windows);
        if (!string.IsNullOrEmpty(owner))
        {
            rows = owner == Unclaimed ? rows.Where(x => x.Timer.LeadOwnerEmail == null) : rows.Where(x => x.Timer.LeadOwnerEmail == owner);
        }

        if (!string.IsNullOrEmpty(team))
        {
            var everyRep = await reps.ListRepsAsync(ct);
            var known = everyRep.Select(r => r.Email).ToList();
            var members = everyRep.Where(r => (r.Team ?? NoTeam) == team).Select(r => r.Email).ToList();
            rows = team == Unclaimed
                ? rows.Where(x => x.Timer.LeadOwnerEmail == null || !known.Contains(x.Timer.LeadOwnerEmail))
                : rows.Where(x => x.Timer.LeadOwnerEmail != null && members.Contains(x.Timer.LeadOwnerEmail));
        }

        rows = kind switch
        {
            DrillKind.ContactedWithinSla => rows.Where(x => x.DoneAt != null && x.DoneAt <= x.Timer.DueAt),
            DrillKind.Breached => rows.Where(x => (x.DoneAt != null && x.DoneAt > x.Timer.DueAt) || (x.DoneAt == null && x.Timer.DueAt <= now)),
            DrillKind.Open => rows.Where(x => x.DoneAt == null && x.Timer.DueAt > now),
            DrillKind.Accepted => rows.Where(x => x.AcceptedAt != null),
            DrillKind.Rejected => rows.Where(x => x.RejectedAt != null),
            DrillKind.Contacted => rows.Where(x => x.DoneAt != null),
            DrillKind.UpToOneHour => rows.Where(x => x.DoneAt != null && x.Timer.BusinessMinutesElapsed < 60),
            DrillKind.OneToFourHours => rows.Where(x => x.DoneAt != null && x.Timer.BusinessMinutesElapsed >= 60 && x.Timer.BusinessMinutesElapsed < 240),
            DrillKind.FourToTwentyFourHours => rows.Where(x => x.DoneAt != null && x.Timer.BusinessMinutesElapsed >= 240 && x.Timer.BusinessMinutesElapsed < 1440),
            DrillKind.OverTwentyFourHours => rows.Where(x => x.DoneAt != null && x.Timer.BusinessMinutesElapsed >= 1440),
            _ => rows,
        };
        var ids = rows.Select(x => x.Timer.LeadId);
        return await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id) && (reason == null || l.RejectionReason == reason)).OrderBy(l => l.HandedOffAt).Take(1000)
            .Select(LeadService.Summary)
            .ToListAsync(ct);
    }

    /// <summary>
    /// The sample behind one scorecard row: the leads (or, for timed clauses, the timers) the clause of version
    /// <paramref name="version"/> judged in the period, segmented by its grade or persona, each kept or missed exactly
    /// as <see cref="ScorecardAsync"/> counted it. Null when the version was never adopted or has no such clause.
    /// </summary>
    public async Task<ClauseLeads?> ClauseLeadsAsync(DateOnly from, DateOnly to, int version, Guid clauseId, CancellationToken ct = default)
    {
        if (!(await agreements.ListVersionsAsync(ct)).Any(v => v.Number == version && v.Status != VersionStatus.Draft))
        {
            return null;
        }

        var content = await agreements.GetAdoptedContentAsync(version, ct);
        var clause = content.Clauses.FirstOrDefault(c => c.Id == clauseId);
        if (clause is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(ct);
        var windows = Windows([(version, LocalTime.Zone(content.Calendar.TimeZone))], from, to, null);
        var now = clock.GetUtcNow();
        var sample = Sample(db, clause, windows, now);
        var counts = await sample.GroupBy(_ => 1).Select(g => new { Kept = g.Count(x => x.Kept), All = g.Count() }).SingleOrDefaultAsync(ct);
        var page = await sample.OrderBy(x => x.Kept).ThenBy(x => x.StartedAt).Take(DrillLimit).ToListAsync(ct);
        var ids = page.Select(x => x.LeadId).Distinct().ToList();
        var leads = await db.Leads.AsNoTracking().Where(l => ids.Contains(l.Id)).Select(LeadService.Summary).ToDictionaryAsync(l => l.Id, ct);
        return new ClauseLeads(version, clause.Id, clause.Title, clause.Owner, clause.Metric, clause.Describe(),
            counts?.Kept ?? 0, (counts?.All ?? 0) - (counts?.Kept ?? 0),
            page.Select(x => new ClauseLead(leads[x.LeadId], x.Kept, ClauseOutcome.Describe(clause.Metric, x.Kept, x.DoneAt), x.DueAt, x.DoneAt)).ToList());
    }

    private sealed class SampleRow
    {
        public Guid LeadId { get; init; }
        public bool Kept { get; init; }
        public DateTimeOffset StartedAt { get; init; }
        public DateTimeOffset? DueAt { get; init; }
        public DateTimeOffset? DoneAt { get; init; }
    }

    // The rows the scorecard counts (ReportQueries.SegmentsAsync over the same segment): its numerator is the kept
    // ones, its sample all of them.
    private static IQueryable<SampleRow> Sample(IAppDbContext db, Clause clause, IReadOnlyList<TimerWindow> windows, DateTimeOffset now)
    {
        var timers = Timers(db, windows, SegmentOf(clause));
        return clause.Metric switch
        {
            var timed when MetricCatalogue.IsTimed(timed) =>
                timers.Where(x => x.DoneAt != null || x.Timer.DueAt <= now).Select(x => new SampleRow
                {
                    LeadId = x.Timer.LeadId, Kept = x.DoneAt != null && x.DoneAt <= x.Timer.DueAt,
                    StartedAt = x.Timer.StartedAt, DueAt = x.Timer.DueAt, DoneAt = x.DoneAt,
                }),
            ClauseMetric.MqlAcceptanceRate => timers.Where(x => x.AcceptedAt != null || x.RejectedAt != null)
                .Select(x => new SampleRow { LeadId = x.Timer.LeadId, Kept = x.AcceptedAt != null, StartedAt = x.Timer.StartedAt, DoneAt = x.AcceptedAt ?? x.RejectedAt }),
            ClauseMetric.SqlToWonRate => timers.Where(x => x.WonAt != null || x.LostAt != null)
                .Select(x => new SampleRow { LeadId = x.Timer.LeadId, Kept = x.WonAt != null, StartedAt = x.Timer.StartedAt, DoneAt = x.WonAt ?? x.LostAt }),
            _ => timers.Select(x => new SampleRow { LeadId = x.Timer.LeadId, Kept = true, StartedAt = x.Timer.StartedAt, DoneAt = x.Timer.StartedAt }),
        };
    }

    private sealed class TimerRow
    {
        public required SlaTimer Timer { get; init; }

        /// <summary>When the promise was acted on: the timer's stop, except a first contact that ended without one.</summary>
        public DateTimeOffset? DoneAt { get; init; }
        public DateTimeOffset? AcceptedAt { get; init; }
        public DateTimeOffset? RejectedAt { get; init; }
        public DateTimeOffset? WonAt { get; init; }
        public DateTimeOffset? LostAt { get; init; }
    }

    private static IQueryable<TimerRow> FirstContacts(IAppDbContext db, IReadOnlyList<TimerWindow> windows) =>
        Timers(db, windows, new Segment(TimerKind.FirstContact, null, null));

    // The segment's timers, on the same columns the counts read (the lead's owner, grade and persona copied onto the
    // timer), with the lead's decision and close times for the lists.
    private static IQueryable<TimerRow> Timers(IAppDbContext db, IReadOnlyList<TimerWindow> windows, Segment segment) =>
        from t in ReportQueries.InSegment(db, windows, segment)
        join l in db.Leads.AsNoTracking() on t.LeadId equals l.Id
        select new TimerRow
        {
            Timer = t, DoneAt = t.Kind == TimerKind.FirstContact && t.AttemptsMade == 0 ? null : t.StoppedAt,
            AcceptedAt = l.AcceptedAt, RejectedAt = l.RejectedAt, WonAt = l.WonAt, LostAt = l.LostAt,
        };

    /// <summary>One row of the response-time report from its cells; pNN by nearest rank over the contacted leads' business minutes.</summary>
    private static ResponseTimeRow ResponseRow(string group, IEnumerable<ResponseCell> cells)
    {
        var list = cells.ToList();
        var contacted = list.Where(c => c.State is ResponseState.ContactedWithinSla or ResponseState.ContactedLate).ToList();
        int Count(ResponseState state) => list.Where(c => c.State == state).Sum(c => c.Count);
        int Band(long from, long below) => contacted.Where(c => c.Minutes >= from && c.Minutes < below).Sum(c => c.Count);

        var within = Count(ResponseState.ContactedWithinSla);
        var breached = Count(ResponseState.ContactedLate) + Count(ResponseState.Overdue);

        // A stopped timer without stored minutes counts as 0 in the percentiles and in no band, as it always has.
        var histogram = contacted.GroupBy(c => c.Minutes ?? 0).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(c => c.Count))).ToList();
        return new ResponseTimeRow(group, list.Sum(c => c.Count), contacted.Sum(c => c.Count), within, breached, Count(ResponseState.Open),
            Compliance(within, breached),
            ReportQueries.NearestRank(histogram, 50),
            ReportQueries.NearestRank(histogram, 90),
            new ResponseBands(Band(0, 60), Band(60, 240), Band(240, 1440), Band(1440, long.MaxValue)));
    }

    public static decimal? Compliance(int within, int breached) =>
        within + breached == 0 ? null : Math.Round(within * 100m / (within + breached), 1, MidpointRounding.AwayFromZero);

    private static decimal? Rate(int part, int whole) =>
        whole == 0 ? null : Math.Round(part * 100m / whole, 1, MidpointRounding.AwayFromZero);

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : Math.Round(sorted[(sorted.Count - 1) / 2], 1);
    }

    private static Segment SegmentOf(Clause clause) => new(clause.Metric switch
    {
        ClauseMetric.DecisionWithinResponseRule => TimerKind.Decision,
        ClauseMetric.FollowUpCadenceMet => TimerKind.FollowUp,
        _ => TimerKind.FirstContact,
    }, clause.Grade, clause.Persona);

    /// <summary>A clause's actual and sample size from the counts of its segment.</summary>
    private static (decimal? Actual, int Sample) Actual(Clause clause, SegmentCounts c) => clause.Metric switch
    {
        ClauseMetric.MqlsDelivered => (c.Count, c.Count),
        var timed when MetricCatalogue.IsTimed(timed) =>
            (Compliance(c.Within, c.Breached), c.Within + c.Breached),
        ClauseMetric.MqlAcceptanceRate => (Rate(c.Accepted, c.Decided), c.Decided),
        ClauseMetric.SqlToWonRate => (Rate(c.Won, c.Closed), c.Closed),
        _ => (null, 0),
    };

    /// <summary>A count target per week, month or quarter, scaled to the report's length in days.</summary>
    public static decimal Prorate(decimal target, Period period, DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        var periodDays = period switch { Period.Week => 7m, Period.Month => 365.25m / 12, _ => 365.25m / 4 };
        return Math.Round(target * days / periodDays, 1, MidpointRounding.AwayFromZero);
    }

    private async Task<IReadOnlyList<AgreementVersionView>> AdoptedVersionsAsync(CancellationToken ct)
    {
        var list = new List<AgreementVersionView>();
        foreach (var summary in (await agreements.ListVersionsAsync(ct)).Where(v => v.Status != VersionStatus.Draft).OrderBy(v => v.Number))
        {
            if (await agreements.GetVersionAsync(summary.Number, ct) is { } version)
            {
                list.Add(version);
            }
        }

        return list;
    }

    private static bool InForceDuring(IReadOnlyList<AgreementVersionView> versions, int number, DateOnly from, DateOnly to)
    {
        var version = versions.Single(v => v.Number == number);
        var zone = LocalTime.Zone(version.Content.Calendar.TimeZone);
        var start = LocalTime.StartOfDay(from, zone);
        var end = LocalTime.StartOfDay(to.AddDays(1), zone);
        var next = versions.Where(v => v.EffectiveAt > version.EffectiveAt).OrderBy(v => v.EffectiveAt).FirstOrDefault();
        return version.EffectiveAt < end && (next is null || next.EffectiveAt > start);
    }

    /// <summary>
    /// The days of [from, to] on which the version was in force (local dates in its calendar): a count target is
    /// prorated over these, because the version's actual counts only the leads it judged. The first version also judges
    /// leads handed off before it took effect, so its days start at <paramref name="from"/>.
    /// </summary>
    private static (DateOnly From, DateOnly To) InForceRange(IReadOnlyList<AgreementVersionView> versions, int number, DateOnly from, DateOnly to)
    {
        var version = versions.Single(v => v.Number == number);
        var zone = LocalTime.Zone(version.Content.Calendar.TimeZone);
        var isFirst = versions.All(v => v.EffectiveAt >= version.EffectiveAt);
        var next = versions.Where(v => v.EffectiveAt > version.EffectiveAt).OrderBy(v => v.EffectiveAt).FirstOrDefault();
        var start = !isFirst && version.EffectiveAt is { } effective && LocalTime.DateAt(effective, zone) > from ? LocalTime.DateAt(effective, zone) : from;
        var end = next?.EffectiveAt is { } nextEffective && LocalTime.DateAt(nextEffective, zone).AddDays(-1) < to ? LocalTime.DateAt(nextEffective, zone).AddDays(-1) : to;
        return start <= end ? (start, end) : (from, to);
    }

    /// <summary>Every adopted version with its calendar's time zone, read once per report.</summary>
    private async Task<IReadOnlyList<(int Number, TimeZoneInfo Zone)>> VersionZonesAsync(CancellationToken ct)
    {
        var zones = new List<(int, TimeZoneInfo)>();
        foreach (var summary in (await agreements.ListVersionsAsync(ct)).Where(v => v.Status != VersionStatus.Draft))
        {
            var content = await agreements.GetAdoptedContentAsync(summary.Number, ct);
            zones.Add((summary.Number, LocalTime.Zone(content.Calendar.TimeZone)));
        }

        return zones;
    }

    /// <summary>[from, to] as each version's local days, in UTC instants: DST-correct, computed here and never in SQL.</summary>
    private static IReadOnlyList<TimerWindow> Windows(IReadOnlyList<(int Number, TimeZoneInfo Zone)> zones, DateOnly from, DateOnly to, int? onlyVersion) =>
        zones.Where(z => onlyVersion is not { } only || z.Number == only)
            .Select(z => new TimerWindow(z.Number, LocalTime.StartOfDay(from, z.Zone), LocalTime.StartOfDay(to.AddDays(1), z.Zone)))
            .ToList();

    private async Task<(DateTimeOffset Start, DateTimeOffset End)> LocalRangeAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var inForce = await agreements.GetInForceAsync(ct);
        var zone = inForce is null ? TimeZoneInfo.Utc : LocalTime.Zone(inForce.Content.Calendar.TimeZone);
        return (LocalTime.StartOfDay(from, zone), LocalTime.StartOfDay(to.AddDays(1), zone));
    }

    /// <summary>ISO weeks overlapping [from, to], each clipped to the range: ("2026-W47", first day, last day).</summary>
    public static IEnumerable<(string Label, DateOnly From, DateOnly To)> IsoWeeks(DateOnly from, DateOnly to)
    {
        var monday = from.AddDays(-(((int)from.DayOfWeek + 6) % 7));
        for (var start = monday; start <= to; start = start.AddDays(7))
        {
            var dt = start.ToDateTime(TimeOnly.MinValue);
            var label = $"{ISOWeek.GetYear(dt)}-W{ISOWeek.GetWeekOfYear(dt):00}";
            yield return (label, start < from ? from : start, start.AddDays(6) > to ? to : start.AddDays(6));
        }
    }
}
