using Smarketing.Domain.BusinessTime;

namespace Smarketing.Domain.Agreements;

public sealed record DiffLine(AgreementSection Section, string Text);

/// <summary>
/// The difference between two versions in plain words, clause by clause: "First contact for A-leads: 4 business
/// hours -> 2 business hours", "Persona 'IT Director' added". Items are matched by id, which a draft keeps from
/// the version it started from.
/// </summary>
public static class AgreementDiff
{
    public static IReadOnlyList<DiffLine> Between(AgreementContent from, AgreementContent to)
    {
        var lines = new List<DiffLine>();
        lines.AddRange(Clauses(AgreementSection.MarketingClauses, from.MarketingClauses, to.MarketingClauses));
        lines.AddRange(Clauses(AgreementSection.SalesClauses, from.SalesClauses, to.SalesClauses));
        lines.AddRange(Personas(from.Personas, to.Personas));
        lines.AddRange(LeadDefinition(from.LeadDefinition, to.LeadDefinition));
        lines.AddRange(ResponseRules(from.ResponseRules, to.ResponseRules));
        lines.AddRange(Calendar(from.Calendar, to.Calendar));
        lines.AddRange(Reasons(from.Reasons, to.Reasons));
        return lines;
    }

    public static IReadOnlyList<DiffLine> Section(AgreementSection section, AgreementContent from, AgreementContent to) =>
        Between(from, to).Where(l => l.Section == section).ToList();

    private static IEnumerable<DiffLine> Clauses(AgreementSection section, List<Clause> from, List<Clause> to) =>
        Matched(from, to, c => c.Id,
            added: c => $"Clause '{c.Title}' added: {c.Describe()}",
            removed: c => $"Clause '{c.Title}' removed",
            changed: (a, b) => Changes(
                Change($"Clause '{a.Title}' renamed", a.Title, b.Title, quote: true),
                Change($"Clause '{b.Title}'", a.Describe(), b.Describe())))
        .Select(text => new DiffLine(section, text));

    private static IEnumerable<DiffLine> Personas(List<Persona> from, List<Persona> to) =>
        Matched(from, to, p => p.Id,
            added: p => $"Persona '{p.Name}' added",
            removed: p => $"Persona '{p.Name}' removed",
            changed: (a, b) => Changes(
                Change($"Persona '{a.Name}' renamed", a.Name, b.Name, quote: true),
                Change($"Persona '{b.Name}': job titles", List(a.JobTitles), List(b.JobTitles)),
                Change($"Persona '{b.Name}': company size", SizeRange(a), SizeRange(b)),
                Change($"Persona '{b.Name}': industries", List(a.Industries), List(b.Industries)),
                Change($"Persona '{b.Name}': regions", List(a.Regions), List(b.Regions)),
                Change($"Persona '{b.Name}': preferred channels", List(a.PreferredChannels), List(b.PreferredChannels)),
                Edited($"Persona '{b.Name}': pains", a.Pains, b.Pains),
                Edited($"Persona '{b.Name}': goals", a.Goals, b.Goals),
                Edited($"Persona '{b.Name}': notes", a.Notes, b.Notes)))
        .Select(text => new DiffLine(AgreementSection.Personas, text));

    private static IEnumerable<DiffLine> LeadDefinition(LeadDefinition a, LeadDefinition b)
    {
        var texts = new List<string>();
        texts.AddRange(Matched(a.FitRules, b.FitRules, r => r.Id,
            added: r => $"Fit rule added: {r.Condition.Describe()}",
            removed: r => $"Fit rule removed: {r.Condition.Describe()}",
            changed: (x, y) => Changes(Change("Fit rule", x.Condition.Describe(), y.Condition.Describe()))));
        texts.AddRange(Matched(a.ScoringRules, b.ScoringRules, r => r.Id,
            added: r => $"Scoring rule '{r.Name}' added: {Points(r.Points)} when {r.Condition.Describe()}",
            removed: r => $"Scoring rule '{r.Name}' removed",
            changed: (x, y) => Changes(
                Change($"Scoring rule '{x.Name}' renamed", x.Name, y.Name, quote: true),
                Change($"Scoring rule '{y.Name}'", $"{Points(x.Points)} when {x.Condition.Describe()}", $"{Points(y.Points)} when {y.Condition.Describe()}"))));
        texts.AddRange(Changes(
            Change("MQL threshold", Points(a.MqlThreshold), Points(b.MqlThreshold)),
            Change("Engagement score", a.EngagementScoreCounts ? "counts" : "does not count", b.EngagementScoreCounts ? "counts" : "does not count")));
        texts.AddRange(Matched(a.Grades, b.Grades, g => g.Name,
            added: g => $"Grade {g.Name} added: from {Points(g.MinScore)}",
            removed: g => $"Grade {g.Name} removed",
            changed: (x, y) => Changes(Change($"Grade {y.Name}", $"from {Points(x.MinScore)}", $"from {Points(y.MinScore)}"))));
        return texts.Select(t => new DiffLine(AgreementSection.LeadDefinition, t));
    }

    private static IEnumerable<DiffLine> ResponseRules(ResponseRules a, ResponseRules b)
    {
        var texts = new List<string>();
        texts.AddRange(Changes(Change("Assignment", Describe(a.Assignment), Describe(b.Assignment))));
        texts.AddRange(Matched(a.Rules, b.Rules, r => r.Id,
            added: r => $"Response rule '{r.Name}' added for {r.DescribeTarget()}: first contact within {r.FirstContact}",
            removed: r => $"Response rule '{r.Name}' removed",
            changed: (x, y) =>
            {
                var target = y.DescribeTarget();
                return Changes(
                    Change($"Response rule '{x.Name}' renamed", x.Name, y.Name, quote: true),
                    Change($"Response rule '{y.Name}' covers", x.DescribeTarget(), target),
                    Change($"First contact for {target}", x.FirstContact.ToString(), y.FirstContact.ToString()),
                    Change($"Accept or reject for {target}", x.Decision.ToString(), y.Decision.ToString()),
                    Change($"Follow-up for {target}", $"{x.FollowUpAttempts} attempts in {x.FollowUpWindow}", $"{y.FollowUpAttempts} attempts in {y.FollowUpWindow}"),
                    Change($"At-risk warning for {target}", $"{x.WarningPercent}% of the budget", $"{y.WarningPercent}% of the budget"));
            }));
        return texts.Select(t => new DiffLine(AgreementSection.ResponseRules, t));
    }

    private static IEnumerable<DiffLine> Calendar(BusinessCalendar a, BusinessCalendar b)
    {
        var texts = new List<string>();
        texts.AddRange(Changes(Change("Time zone", a.TimeZone, b.TimeZone)));
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            texts.AddRange(Changes(Change(day.ToString(), Hours(a, day), Hours(b, day))));
        }

        texts.AddRange(b.Holidays.Except(a.Holidays).Order().Select(d => $"Holiday {d:ddd yyyy-MM-dd} added"));
        texts.AddRange(a.Holidays.Except(b.Holidays).Order().Select(d => $"Holiday {d:ddd yyyy-MM-dd} removed"));
        return texts.Select(t => new DiffLine(AgreementSection.Calendar, t));
    }

    private static IEnumerable<DiffLine> Reasons(ReasonLists a, ReasonLists b)
    {
        var texts = new List<string>();
        texts.AddRange(b.RejectionReasons.Except(a.RejectionReasons).Select(r => $"Rejection reason '{r}' added"));
        texts.AddRange(a.RejectionReasons.Except(b.RejectionReasons).Select(r => $"Rejection reason '{r}' removed"));
        texts.AddRange(b.LostReasons.Except(a.LostReasons).Select(r => $"Lost reason '{r}' added"));
        texts.AddRange(a.LostReasons.Except(b.LostReasons).Select(r => $"Lost reason '{r}' removed"));
        return texts.Select(t => new DiffLine(AgreementSection.Reasons, t));
    }

    private static IEnumerable<string> Matched<T, TKey>(
        IEnumerable<T> from, IEnumerable<T> to, Func<T, TKey> key,
        Func<T, string> added, Func<T, string> removed, Func<T, T, IEnumerable<string>> changed)
        where TKey : notnull
    {
        var before = from.ToDictionary(key);
        var after = to.ToDictionary(key);
        foreach (var item in to)
        {
            if (!before.TryGetValue(key(item), out var old))
            {
                yield return added(item);
            }
            else
            {
                foreach (var text in changed(old, item))
                {
                    yield return text;
                }
            }
        }

        foreach (var item in from.Where(i => !after.ContainsKey(key(i))))
        {
            yield return removed(item);
        }
    }

    private static IEnumerable<string> Changes(params string?[] changes) => changes.OfType<string>();

    private static string? Change(string what, string before, string after, bool quote = false) =>
        before == after ? null : quote ? $"{what}: '{before}' -> '{after}'" : $"{what}: {before} -> {after}";

    private static string? Edited(string what, string before, string after) =>
        before == after ? null : $"{what} edited";

    private static string List(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items);

    private static string Points(int points) => points == 1 || points == -1 ? $"{points} point" : $"{points} points";

    private static string SizeRange(Persona p) => (p.CompanySizeMin, p.CompanySizeMax) switch
    {
        (null, null) => "any",
        ({ } min, null) => $"{min}+",
        (null, { } max) => $"up to {max}",
        ({ } min, { } max) => $"{min}-{max}",
    };

    private static string Describe(AssignmentMode mode) => mode == AssignmentMode.OpenPool ? "open pool (reps claim)" : "round robin";

    private static string Hours(BusinessCalendar calendar, DayOfWeek day)
    {
        var ranges = calendar.WorkingHours.Where(w => w.Day == day).OrderBy(w => w.Start).ToList();
        return ranges.Count == 0 ? "closed" : string.Join(", ", ranges.Select(r => $"{r.Start:HH\\:mm}-{r.End:HH\\:mm}"));
    }
}
