using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Leads;

namespace Smarketing.Domain.Clocks;

/// <summary>
/// Works out a lead's SLA timers from its history: every hand-off starts three timers under the response rule of the
/// agreement version in force at that hand-off; contact attempts, accept, reject and closing stop them. The same
/// history always gives the same timers, so live work, backfilled history and demo data agree.
/// </summary>
public static class SlaTimekeeper
{
    public static string KindLabel(TimerKind kind) => kind switch
    {
        TimerKind.FirstContact => "First contact",
        TimerKind.Decision => "Accept or reject",
        TimerKind.FollowUp => "Follow-up cadence",
        _ => kind.ToString(),
    };

    /// <summary>Timers of every hand-off cycle of the lead, as of <paramref name="now"/>.</summary>
    /// <param name="agreementVersion">The content of an adopted version by number.</param>
    public static IReadOnlyList<SlaTimer> Compute(
        Lead lead, IEnumerable<LeadEvent> history, Func<int, AgreementContent> agreementVersion, DateTimeOffset now)
    {
        var timers = new List<SlaTimer>();
        var clocks = new Dictionary<int, BusinessClock>();
        Cycle? cycle = null;
        var number = 0;
        foreach (var e in history.OrderBy(e => e.At).ThenBy(e => e.Id))
        {
            switch (e.Type)
            {
                case LeadEventType.HandedOff:
                    cycle?.Finish(e.At);
                    var version = e.SlaVersion ?? lead.HandedOffVersion ?? 1;
                    var content = agreementVersion(version);
                    if (!clocks.TryGetValue(version, out var clock))
                    {
                        clock = new BusinessClock(content.Calendar);
                        clocks[version] = clock;
                    }

                    cycle = new Cycle(++number, lead, version, content, clock, e.At);
                    timers.AddRange(cycle.Timers);
                    break;
                case LeadEventType.ContactAttempt:
                    cycle?.Contact(e.OccurredAt ?? e.At);
                    break;
                case LeadEventType.Accepted:
                    cycle?.Stop(TimerKind.Decision, e.At);
                    break;
                case LeadEventType.Rejected:
                    // Rejecting is a decision and ends the follow-up; it is not a contact. The first-contact promise
                    // stands until a contact attempt (product.md: no contact and past due counts as breached).
                    cycle?.Stop(TimerKind.Decision, e.At);
                    cycle?.Stop(TimerKind.FollowUp, e.At);
                    break;
                case LeadEventType.Converted or LeadEventType.Won or LeadEventType.Lost:
                    cycle?.Stop(TimerKind.FollowUp, e.At);
                    break;
            }
        }

        foreach (var timer in timers)
        {
            timer.OwnerId = lead.OwnerId;
            timer.Status = StatusAt(timer, now);
            timer.ReflectLead(lead);
        }

        return timers;
    }

    /// <summary>
    /// The event after which <paramref name="timer"/>'s promise could no longer be kept, because the lead moved on before
    /// the promised thing happened: a first contact that never came before the lead was rejected, won, lost or handed off
    /// again; a follow-up cadence cut short (fewer attempts than required) by a rejection, a conversion or a close. Null
    /// when the promise was kept, or can still be. The timer itself is not changed: a first contact keeps running until
    /// it falls due (and is judged breached), as product.md defines.
    /// </summary>
    public static LeadEvent? EndedUnkept(SlaTimer timer, IEnumerable<LeadEvent> history)
    {
        var ordered = history.OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var handOffs = ordered.Select((e, i) => (e, i)).Where(x => x.e.Type == LeadEventType.HandedOff).Select(x => x.i).ToList();
        if (timer.Cycle < 1 || timer.Cycle > handOffs.Count)
        {
            return null;
        }

        var from = handOffs[timer.Cycle - 1] + 1;
        var to = timer.Cycle < handOffs.Count ? handOffs[timer.Cycle] : ordered.Count;
        var nextHandOff = to < ordered.Count ? ordered[to] : null;
        foreach (var e in ordered.Take(to).Skip(from))
        {
            switch (timer.Kind, e.Type)
            {
                case (TimerKind.FirstContact, LeadEventType.ContactAttempt):
                case (TimerKind.Decision, LeadEventType.Accepted or LeadEventType.Rejected):
                    return null;
                case (TimerKind.FirstContact, LeadEventType.Rejected or LeadEventType.Won or LeadEventType.Lost):
                case (TimerKind.FollowUp, LeadEventType.Rejected or LeadEventType.Converted or LeadEventType.Won or LeadEventType.Lost):
                    return timer.Kind == TimerKind.FollowUp && timer.AttemptsMade >= timer.RequiredAttempts ? null : e;
            }
        }

        return timer.Kind == TimerKind.FollowUp && timer.AttemptsMade >= timer.RequiredAttempts ? null : nextHandOff;
    }

    /// <summary>
    /// Met or breached once stopped (by comparing the stop with the due time); otherwise running, at risk or breached by
    /// the clock. A first contact stopped without a contact (the lead was handed off again first) was never kept: it is
    /// judged by the clock like one still running, so it reads breached once due, as product.md counts "no contact".
    /// </summary>
    public static TimerStatus StatusAt(SlaTimer timer, DateTimeOffset now) =>
        timer.StoppedAt is { } stopped && !timer.EndedWithoutContact
            ? (stopped <= timer.DueAt ? TimerStatus.Met : TimerStatus.Breached)
            : now >= timer.DueAt ? TimerStatus.Breached
            : now >= timer.AtRiskAt ? TimerStatus.AtRisk
            : TimerStatus.Running;

    private sealed class Cycle
    {
        private readonly BusinessClock _clock;
        private int _attempts;

        public Cycle(int number, Lead lead, int version, AgreementContent content, BusinessClock clock, DateTimeOffset start)
        {
            _clock = clock;
            var rule = content.ResponseRules.RuleFor(lead.Grade, lead.Persona);
            var perDay = content.Calendar.MinutesPerBusinessDay;
            Timers =
            [
                Start(number, TimerKind.FirstContact, rule.FirstContact, rule, version, perDay, start, 1),
                Start(number, TimerKind.Decision, rule.Decision, rule, version, perDay, start, 0),
                Start(number, TimerKind.FollowUp, rule.FollowUpWindow, rule, version, perDay, start, rule.FollowUpAttempts),
            ];
            Timers[0].LeadId = Timers[1].LeadId = Timers[2].LeadId = lead.Id;
        }

        public List<SlaTimer> Timers { get; }

        public void Contact(DateTimeOffset at)
        {
            _attempts++;
            if (Timers[0].StoppedAt is null)
            {
                Timers[0].AttemptsMade = 1;
            }

            var followUp = Timers[2];
            followUp.AttemptsMade = _attempts;
            Stop(TimerKind.FirstContact, at);
            if (_attempts >= followUp.RequiredAttempts)
            {
                Stop(TimerKind.FollowUp, at);
            }
        }

        /// <summary>The lead left the cycle (rejected, or handed off again): whatever still runs stops here.</summary>
        public void Finish(DateTimeOffset at)
        {
            foreach (var timer in Timers)
            {
                Stop(timer.Kind, at);
            }
        }

        public void Stop(TimerKind kind, DateTimeOffset at)
        {
            var timer = Timers.Single(t => t.Kind == kind);
            if (timer.StoppedAt is not null)
            {
                return;
            }

            timer.StoppedAt = at < timer.StartedAt ? timer.StartedAt : at;
            timer.BusinessMinutesElapsed = _clock.BusinessMinutesBetween(timer.StartedAt, timer.StoppedAt.Value);
        }

        private SlaTimer Start(int number, TimerKind kind, BusinessDuration budget, ResponseRule rule, int version, int minutesPerDay, DateTimeOffset start, int attempts)
        {
            var minutes = budget.ToBusinessMinutes(minutesPerDay);
            var warning = (int)((long)minutes * rule.WarningPercent / 100);
            var what = kind == TimerKind.FollowUp ? $"{attempts} contact attempts within {budget}" : $"{KindLabel(kind)} within {budget}";
            return new SlaTimer
            {
                Cycle = number,
                Kind = kind,
                Clause = $"{what} ({rule.DescribeTarget()})",
                SlaVersion = version,
                RuleName = rule.Name,
                BudgetBusinessMinutes = minutes,
                RequiredAttempts = attempts,
                StartedAt = start,
                AtRiskAt = _clock.AddBusinessMinutes(start, warning),
                DueAt = _clock.AddBusinessMinutes(start, minutes),
            };
        }
    }
}
