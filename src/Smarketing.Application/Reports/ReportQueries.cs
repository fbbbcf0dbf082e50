using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Smarketing.Application.Common;
using Smarketing.Domain.Clocks;

namespace Smarketing.Application.Reports;

/// <summary>Hand-offs judged by an agreement version that fall in [Start, End), instants in UTC (the version's local days).</summary>
internal sealed record TimerWindow(int Version, DateTimeOffset Start, DateTimeOffset End);

/// <summary>How a first-contact timer stands for the response-time report.</summary>
internal enum ResponseState
{
    Open,
    Overdue,
    ContactedLate,
    ContactedWithinSla,
}

/// <summary>A count of first-contact timers with one owner (or in one bucket), one state and one number of business minutes.</summary>
internal sealed record ResponseCell(string? Owner, int Bucket, ResponseState State, long? Minutes, int Count);

/// <summary>The timers a scorecard clause counts: one kind, and the clause's grade and persona when it has them.</summary>
internal sealed record Segment(TimerKind Kind, string? Grade, string? Persona);

/// <summary>A segment's counts: timers, met and breached (past due uncontacted included), and the leads' outcomes.</summary>
internal sealed record SegmentCounts(Segment Segment, int Count, int Within, int Breached, int Accepted, int Decided, int Won, int Closed);

internal sealed record DeliveryCell(int Bucket, int Count, int Accepted, int Rejected);

/// <summary>
/// The report queries: each is one statement that groups in the database over the covering index IX_SlaTimers_Report,
/// using the lead's facts copied onto the timer, and returns per-group counts only. Percentiles come from the counts per
/// business-minute value (a histogram), so no group needs a query of its own.
/// </summary>
internal static class ReportQueries
{
    /// <summary>First-contact timers in the windows by owner, state and business minutes.</summary>
    public static async Task<IReadOnlyList<ResponseCell>> ResponseByOwnerAsync(IAppDbContext db, IReadOnlyList<TimerWindow> windows, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await Started(db, windows, TimerKind.FirstContact)
            .GroupBy(t => new
            {
                t.LeadOwnerEmail,
                State = t.StoppedAt == null || t.AttemptsMade == 0
                    ? (t.DueAt <= now ? ResponseState.Overdue : ResponseState.Open)
                    : (t.StoppedAt <= t.DueAt ? ResponseState.ContactedWithinSla : ResponseState.ContactedLate),
                Minutes = t.StoppedAt == null || t.AttemptsMade == 0 ? null : t.BusinessMinutesElapsed,
            })
            .Select(g => new { g.Key.LeadOwnerEmail, g.Key.State, g.Key.Minutes, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => new ResponseCell(r.LeadOwnerEmail, 0, r.State, r.Minutes, r.Count)).ToList();
    }

    /// <summary>
    /// First-contact timers by bucket (the index into <paramref name="buckets"/>), state and business minutes. Each
    /// bucket is its own range of stored instants, so one statement (UNION ALL) reads each range of the index once.
    /// </summary>
    public static async Task<IReadOnlyList<ResponseCell>> ResponseByBucketAsync(IAppDbContext db, IReadOnlyList<IReadOnlyList<TimerWindow>> buckets, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<BucketRow>? query = null;
        for (var i = 0; i < buckets.Count; i++)
        {
            var bucket = i;
            var part = Started(db, buckets[i], TimerKind.FirstContact)
                .GroupBy(t => new
                {
                    State = t.StoppedAt == null || t.AttemptsMade == 0
                        ? (t.DueAt <= now ? ResponseState.Overdue : ResponseState.Open)
                        : (t.StoppedAt <= t.DueAt ? ResponseState.ContactedWithinSla : ResponseState.ContactedLate),
                    Minutes = t.StoppedAt == null || t.AttemptsMade == 0 ? null : t.BusinessMinutesElapsed,
                })
                .Select(g => new BucketRow { Bucket = bucket, State = g.Key.State, Minutes = g.Key.Minutes, Count = g.Count() });
            query = query is null ? part : query.Concat(part);
        }

        return query is null ? [] : (await query.ToListAsync(ct)).Select(r => new ResponseCell(null, r.Bucket, r.State, r.Minutes, r.Count)).ToList();
    }

    /// <summary>
    /// The counts of each segment (a timer kind, optionally one grade and one persona) over the windows, one UNION ALL
    /// member per segment. Only first-contact segments count the leads' outcomes; the others need met and breached alone.
    /// Each member groups by Kind, which the index already orders (Kind = ?), so SQLite counts without sorting: half
    /// the time of a constant key, which EF turns into a sort.
    /// </summary>
    public static async Task<IReadOnlyList<SegmentCounts>> SegmentsAsync(IAppDbContext db, IReadOnlyList<TimerWindow> windows, IReadOnlyList<Segment> segments, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<SegmentRow>? query = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var index = i;
            var timers = InSegment(db, windows, segments[i]);
            var part = segments[i].Kind == TimerKind.FirstContact
                ? timers.GroupBy(t => t.Kind).Select(g => new SegmentRow
                {
                    Index = index,
                    Count = g.Count(),
                    // A first contact ended by a second hand-off without a contact (AttemptsMade = 0) was never contacted.
                    Within = g.Count(t => t.StoppedAt != null && t.AttemptsMade > 0 && t.StoppedAt <= t.DueAt),
                    Breached = g.Count(t => (t.StoppedAt != null && t.AttemptsMade > 0 && t.StoppedAt > t.DueAt) || ((t.StoppedAt == null || t.AttemptsMade == 0) && t.DueAt <= now)),
                    Accepted = g.Count(t => t.LeadAccepted),
                    Decided = g.Count(t => t.LeadAccepted || t.LeadRejected),
                    Won = g.Count(t => t.LeadWon),
                    Closed = g.Count(t => t.LeadWon || t.LeadLost),
                })
                : timers.GroupBy(t => t.Kind).Select(g => new SegmentRow
                {
                    Index = index,
                    Count = g.Count(),
                    Within = g.Count(t => t.StoppedAt != null && t.StoppedAt <= t.DueAt),
                    Breached = g.Count(t => (t.StoppedAt != null && t.StoppedAt > t.DueAt) || (t.StoppedAt == null && t.DueAt <= now)),
                    Accepted = 0,
                    Decided = 0,
                    Won = 0,
                    Closed = 0,
                });
            query = query is null ? part : query.Concat(part);
        }

        if (query is null || windows.Count == 0)
        {
            return segments.Select(s => new SegmentCounts(s, 0, 0, 0, 0, 0, 0, 0)).ToList();
        }

        // A segment without timers has no row: its counts are all 0.
        var rows = (await query.ToListAsync(ct)).ToDictionary(r => r.Index);
        return segments.Select((s, i) => rows.TryGetValue(i, out var r)
            ? new SegmentCounts(s, r.Count, r.Within, r.Breached, r.Accepted, r.Decided, r.Won, r.Closed)
            : new SegmentCounts(s, 0, 0, 0, 0, 0, 0, 0)).ToList();
    }

    /// <summary>First-contact timers (MQLs delivered) per bucket, and how many of their leads sales accepted or rejected.</summary>
    public static async Task<IReadOnlyList<DeliveryCell>> DeliveryByBucketAsync(IAppDbContext db, IReadOnlyList<IReadOnlyList<TimerWindow>> buckets, CancellationToken ct)
    {
        IQueryable<DeliveryRow>? query = null;
        for (var i = 0; i < buckets.Count; i++)
        {
            var bucket = i;
            var part = Started(db, buckets[i], TimerKind.FirstContact)
                .GroupBy(t => t.Kind)
                .Select(g => new DeliveryRow { Bucket = bucket, Count = g.Count(), Accepted = g.Count(t => t.LeadAccepted), Rejected = g.Count(t => t.LeadRejected) });
            query = query is null ? part : query.Concat(part);
        }

        return query is null ? [] : (await query.ToListAsync(ct)).Select(r => new DeliveryCell(r.Bucket, r.Count, r.Accepted, r.Rejected)).ToList();
    }

    /// <summary>
    /// Nearest rank over a histogram: the ceil(p/100 x n)-th smallest value, n being the sum of the counts; null when n = 0.
    /// </summary>
    public static long? NearestRank(IReadOnlyList<(long Value, int Count)> sortedHistogram, int p)
    {
        var n = sortedHistogram.Sum(h => h.Count);
        if (n == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p / 100m * n);
        var seen = 0;
        foreach (var (value, count) in sortedHistogram)
        {
            seen += count;
            if (seen >= rank)
            {
                return value;
            }
        }

        return sortedHistogram[^1].Value;
    }

    // Set operations need a nominal type with settable members on both sides.
    private sealed class BucketRow
    {
        public int Bucket { get; init; }
        public ResponseState State { get; init; }
        public long? Minutes { get; init; }
        public int Count { get; init; }
    }

    private sealed class SegmentRow
    {
        public int Index { get; init; }
        public int Count { get; init; }
        public int Within { get; init; }
        public int Breached { get; init; }
        public int Accepted { get; init; }
        public int Decided { get; init; }
        public int Won { get; init; }
        public int Closed { get; init; }
    }

    private sealed class DeliveryRow
    {
        public int Bucket { get; init; }
        public int Count { get; init; }
        public int Accepted { get; init; }
        public int Rejected { get; init; }
    }

    /// <summary>The timers a segment counts: its kind, started in the windows, of its grade and persona when it has them.</summary>
    public static IQueryable<SlaTimer> InSegment(IAppDbContext db, IReadOnlyList<TimerWindow> windows, Segment segment)
    {
        var timers = Started(db, windows, segment.Kind);
        if (segment.Grade is { } grade)
        {
            timers = timers.Where(t => t.LeadGrade == grade);
        }

        if (segment.Persona is { } persona)
        {
            timers = timers.Where(t => t.LeadPersona == persona);
        }

        return timers;
    }

    /// <summary>
    /// Timers of the kinds started in any window: the overall range bounds the index scan; within it, each distinct
    /// [start, end) keeps the versions whose local days it spans (usually every version shares one time zone).
    /// </summary>
    private static IQueryable<SlaTimer> Started(IAppDbContext db, IReadOnlyList<TimerWindow> windows, params TimerKind[] kinds)
    {
        var t = Expression.Parameter(typeof(SlaTimer), "t");
        Expression kind = Expression.Constant(false);
        foreach (var k in kinds)
        {
            kind = Expression.OrElse(kind, Bind(IsKind(k), t));
        }

        var from = windows.Count == 0 ? DateTimeOffset.MaxValue : windows.Min(w => w.Start);
        var to = windows.Count == 0 ? DateTimeOffset.MinValue : windows.Max(w => w.End);
        Expression body = Expression.AndAlso(kind, Bind(Between(from, to), t));
        Expression inAny = Expression.Constant(false);
        foreach (var span in windows.GroupBy(w => (w.Start, w.End)))
        {
            Expression version = Expression.Constant(false);
            foreach (var w in span)
            {
                version = Expression.OrElse(version, Bind(IsVersion(w.Version), t));
            }

            inAny = Expression.OrElse(inAny, Expression.AndAlso(version, Bind(Between(span.Key.Start, span.Key.End), t)));
        }

        return db.SlaTimers.AsNoTracking().Where(Expression.Lambda<Func<SlaTimer, bool>>(Expression.AndAlso(body, inAny), t));
    }

    // Each value is captured by a lambda, so EF sends it as a parameter and caches one plan per shape of query.
    private static Expression<Func<SlaTimer, bool>> IsKind(TimerKind kind) => x => x.Kind == kind;

    private static Expression<Func<SlaTimer, bool>> IsVersion(int version) => x => x.SlaVersion == version;

    private static Expression<Func<SlaTimer, bool>> Between(DateTimeOffset start, DateTimeOffset end) => x => x.StartedAt >= start && x.StartedAt < end;

    private static Expression Bind(Expression<Func<SlaTimer, bool>> predicate, ParameterExpression t) => new Rebind(predicate.Parameters[0], t).Visit(predicate.Body);

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
