using Smarketing.Application.Clocks;
using Smarketing.Domain.Clocks;
using Smarketing.Domain.Leads;

namespace Smarketing.Web.Components.Pages.Clocks;

/// <summary>How the lead page words a timer's business time: what is left, how late it is, or what it took.</summary>
internal static class TimerText
{
    /// <summary>
    /// Business time as people count it: minutes and hours within a day, then business days of the calendar's length
    /// ("57 business days", "1 business day 3 h 05 min", "2 h 40 min", "12 min"), never "456 h 00 min".
    /// </summary>
    public static string BusinessTime(long minutes, int minutesPerBusinessDay)
    {
        static string Clock(long m) => m >= 60 ? $"{m / 60} h {m % 60:00} min" : $"{m} min";

        if (minutesPerBusinessDay <= 0 || minutes < minutesPerBusinessDay)
        {
            return Clock(minutes);
        }

        var days = minutes / minutesPerBusinessDay;
        var rest = minutes % minutesPerBusinessDay;
        var dayText = days == 1 ? "1 business day" : $"{days} business days";
        return rest == 0 ? dayText : $"{dayText} {Clock(rest)}";
    }

    /// <summary>The "Business time" cell of a timer as of <paramref name="now"/>.</summary>
    public static string Remaining(TimerView view, DateTimeOffset now)
    {
        var timer = view.Timer;
        var perDay = view.MinutesPerBusinessDay;
        var status = SlaTimekeeper.StatusAt(timer, now);

        if (view.EndedUnkept is { } ended && timer.Kind == TimerKind.FirstContact)
        {
            // "took 2 h" or "3 h left" would read as a call made, or one still to make; the lead is gone from sales.
            var left = $"No contact was made before the lead left sales: it {Happened(ended.Event)} after {BusinessTime(ended.BusinessMinutesAfterHandOff, perDay)}.";
            return timer.StoppedAt is null && status != TimerStatus.Breached ? $"{left} It counts as breached once due." : left;
        }

        if (view.EndedUnkept is { } cut && timer.Kind == TimerKind.FollowUp)
        {
            return $"Ended after {timer.AttemptsMade} of {timer.RequiredAttempts} attempts, when the lead {Happened(cut.Event)}.";
        }

        if (timer.StoppedAt is not null)
        {
            return $"took {BusinessTime(timer.BusinessMinutesElapsed ?? 0, perDay)}";
        }

        return status == TimerStatus.Breached
            ? $"overdue by {BusinessTime(view.Clock.BusinessMinutesBetween(timer.DueAt, now), perDay)}"
            : $"{BusinessTime(view.Clock.BusinessMinutesBetween(now, timer.DueAt), perDay)} left";
    }

    private static string Happened(LeadEventType type) => type switch
    {
        LeadEventType.Rejected => "was rejected back to marketing",
        LeadEventType.Converted => "became an opportunity",
        LeadEventType.Won => "was won",
        LeadEventType.Lost => "was lost",
        LeadEventType.HandedOff => "was handed off again",
        _ => "moved on",
    };
}
