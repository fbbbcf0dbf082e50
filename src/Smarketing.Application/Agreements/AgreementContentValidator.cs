using FluentValidation;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;

namespace Smarketing.Application.Agreements;

/// <summary>
/// Checks a whole agreement. The same rules serve the draft editor and the API; when one section is saved,
/// only that section's messages are reported (see AgreementService).
/// </summary>
public sealed class AgreementContentValidator : AbstractValidator<AgreementContent>
{
    public AgreementContentValidator()
    {
        RuleFor(c => c.MarketingClauses).MustHoldAtMost("marketing's clauses");
        RuleFor(c => c.SalesClauses).MustHoldAtMost("sales' clauses");
        RuleFor(c => c.Personas).MustHoldAtMost("personas");
        RuleForEach(c => c.MarketingClauses).SetValidator(c => new ClauseValidator(c, Department.Marketing));
        RuleForEach(c => c.SalesClauses).SetValidator(c => new ClauseValidator(c, Department.Sales));
        RuleFor(c => c.MarketingClauses).Must(UniqueTitles).WithMessage("Each of marketing's clauses needs a different title.");
        RuleFor(c => c.SalesClauses).Must(UniqueTitles).WithMessage("Each of sales' clauses needs a different title.");
        RuleFor(c => c.MarketingClauses).Must(c => UniqueIds(c.Select(x => x.Id))).WithMessage(c => RepeatedIdMessage("clause", c.MarketingClauses.Select(x => x.Id)));
        RuleFor(c => c.SalesClauses).Must(c => UniqueIds(c.Select(x => x.Id))).WithMessage(c => RepeatedIdMessage("clause", c.SalesClauses.Select(x => x.Id)));

        RuleForEach(c => c.Personas).SetValidator(new PersonaValidator());
        RuleFor(c => c.Personas)
            .Must(p => Unique(p.Select(x => x.Name)))
            .WithMessage(c => $"Persona names must be unique: {Duplicates(c.Personas.Select(p => p.Name))} appears more than once.");
        RuleFor(c => c.Personas).Must(p => UniqueIds(p.Select(x => x.Id))).WithMessage(c => RepeatedIdMessage("persona", c.Personas.Select(x => x.Id)));

        RuleFor(c => c.LeadDefinition).SetValidator(new LeadDefinitionValidator());
        RuleFor(c => c.ResponseRules).SetValidator(c => new ResponseRulesValidator(c));
        RuleFor(c => c.Calendar).SetValidator(new CalendarValidator());
        RuleFor(c => c.Reasons).SetValidator(new ReasonListsValidator());
    }

    internal static bool Unique(IEnumerable<string> names)
    {
        var list = names.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
        return list.Distinct(StringComparer.OrdinalIgnoreCase).Count() == list.Count;
    }

    // Versions are compared item by item by id (AgreementDiff), so an id may appear only once in a list.
    internal static bool UniqueIds(IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        return list.Distinct().Count() == list.Count;
    }

    internal static string RepeatedIdMessage(string item, IEnumerable<Guid> ids) =>
        $"Each {item} needs its own id; {string.Join(", ", ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => g.Key))} is used more than once. Leave the id out to get a new one.";

    internal static string Duplicates(IEnumerable<string> names) =>
        string.Join(", ", names.Select(n => n.Trim()).Where(n => n.Length > 0)
            .GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"'{g.Key}'"));

    private static bool UniqueTitles(List<Clause> clauses) => Unique(clauses.Select(c => c.Title));
}

internal sealed class ClauseValidator : AbstractValidator<Clause>
{
    public ClauseValidator(AgreementContent content, Department owner)
    {
        var owners = owner == Department.Sales ? "sales'" : "marketing's";
        RuleFor(c => c.Title)
            .NotEmpty().WithMessage("Clause title is required.")
            .MaximumLength(AgreementLimits.Name).WithMessage($"Clause title must be at most {AgreementLimits.Name} characters.");
        RuleFor(c => c.Owner).Equal(owner).WithMessage(c => $"Clause '{c.Title}' belongs to {owners} section.");
        RuleFor(c => c.Comparison).IsInEnum().WithMessage(c => $"Clause '{c.Title}': choose at least or at most.");
        RuleFor(c => c.Period).IsInEnum().WithMessage(c => $"Clause '{c.Title}': choose the period the target counts over.");
        RuleFor(c => c.Metric)
            .IsInEnum().WithMessage("Choose a metric from the catalogue.")
            .Must(m => MetricCatalogue.Get(m).Owner == owner)
            .When(c => Enum.IsDefined(c.Metric), ApplyConditionTo.CurrentValidator)
            .WithMessage(c => $"Clause '{c.Title}': {MetricCatalogue.Get(c.Metric).Label} is a {MetricCatalogue.Get(c.Metric).Owner.ToString().ToLowerInvariant()} metric, not {owners}.");
        RuleFor(c => c.Target)
            .GreaterThan(0).WithMessage(c => $"Clause '{c.Title}': target must be positive.");
        RuleFor(c => c.Target)
            .LessThanOrEqualTo(AgreementLimits.MaxCountTarget).When(c => Enum.IsDefined(c.Metric) && MetricCatalogue.Get(c.Metric).Unit != MetricUnit.Percent)
            .WithMessage(c => $"Clause '{c.Title}': a count target must be at most {AgreementLimits.MaxCountTarget:N0}.");
        RuleFor(c => c.Target)
            .LessThanOrEqualTo(100).When(c => Enum.IsDefined(c.Metric) && MetricCatalogue.Get(c.Metric).Unit == MetricUnit.Percent)
            .WithMessage(c => $"Clause '{c.Title}': a percentage target must be between 0 and 100.");
        RuleFor(c => c.Grade).MaximumLength(AgreementLimits.GradeName).WithMessage($"A clause's grade must be at most {AgreementLimits.GradeName} characters.");
        RuleFor(c => c.Persona).MaximumLength(AgreementLimits.Name).WithMessage($"A clause's persona must be at most {AgreementLimits.Name} characters.");
        RuleFor(c => c.Grade)
            .Must(g => content.LeadDefinition.Grades.Any(x => string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase)))
            .When(c => !string.IsNullOrWhiteSpace(c.Grade))
            .WithMessage(c => $"Clause '{c.Title}': grade '{c.Grade}' is not one of the lead definition's grades.");
        RuleFor(c => c.Persona)
            .Must(p => content.Personas.Any(x => string.Equals(x.Name, p, StringComparison.OrdinalIgnoreCase)))
            .When(c => !string.IsNullOrWhiteSpace(c.Persona))
            .WithMessage(c => $"Clause '{c.Title}': persona '{c.Persona}' is not one of the agreement's personas.");
    }
}

internal sealed class PersonaValidator : AbstractValidator<Persona>
{
    public PersonaValidator()
    {
        RuleFor(p => p.Name)
            .NotEmpty().WithMessage("Persona name is required.")
            .MaximumLength(AgreementLimits.Name).WithMessage($"Persona name must be at most {AgreementLimits.Name} characters.");
        RuleFor(p => p.CompanySizeMin).InclusiveBetween(0, AgreementLimits.MaxCompanySize)
            .WithMessage(p => $"Persona '{p.Name}': smallest company size must be between 0 and {AgreementLimits.MaxCompanySize:N0}.");
        RuleFor(p => p.CompanySizeMax).InclusiveBetween(0, AgreementLimits.MaxCompanySize)
            .WithMessage(p => $"Persona '{p.Name}': largest company size must be between 0 and {AgreementLimits.MaxCompanySize:N0}.");
        RuleFor(p => p.JobTitles).MustBeShortItems("job titles");
        RuleFor(p => p.Industries).MustBeShortItems("industries");
        RuleFor(p => p.Regions).MustBeShortItems("regions");
        RuleFor(p => p.PreferredChannels).MustBeShortItems("preferred channels");
        RuleFor(p => p.CompanySizeMax)
            .GreaterThanOrEqualTo(p => p.CompanySizeMin)
            .When(p => p.CompanySizeMin is not null && p.CompanySizeMax is not null)
            .WithMessage(p => $"Persona '{p.Name}': largest company size must not be below the smallest.");
        RuleFor(p => p.Pains).MaximumLength(AgreementLimits.Text).WithMessage(p => $"Persona '{p.Name}': pains are limited to {AgreementLimits.Text} characters.");
        RuleFor(p => p.Goals).MaximumLength(AgreementLimits.Text).WithMessage(p => $"Persona '{p.Name}': goals are limited to {AgreementLimits.Text} characters.");
        RuleFor(p => p.Notes).MaximumLength(AgreementLimits.Text).WithMessage(p => $"Persona '{p.Name}': notes are limited to {AgreementLimits.Text} characters.");
    }
}

internal sealed class ConditionValidator : AbstractValidator<Condition>
{
    public ConditionValidator(string owner)
    {
        RuleFor(c => c.Field).IsInEnum().WithMessage($"{owner}: choose a lead field.");
        RuleFor(c => c.Operator).IsInEnum().WithMessage($"{owner}: choose an operator.");
        RuleFor(c => c.Values)
            .Must(v => v.Count > 0 && v.All(x => !string.IsNullOrWhiteSpace(x)))
            .WithMessage($"{owner}: give a value to compare with.");
        RuleFor(c => c.Values).MustBeShortItems($"{owner}: values");
        RuleFor(c => c.Values)
            .Must(v => v.Count == 1).When(c => c.Operator is not (RuleOperator.In or RuleOperator.NotIn) && c.Values.Count > 0)
            .WithMessage($"{owner}: this operator compares with one value; use 'one of' for a list.");
        RuleFor(c => c.Operator)
            .Must((c, op) => Condition.IsNumeric(c.Field) || op is not (RuleOperator.AtLeast or RuleOperator.AtMost))
            .WithMessage(c => $"{owner}: 'at least' and 'at most' need a number field, not {c.Field}.");
        RuleFor(c => c.Values)
            .Must(v => v.All(x => decimal.TryParse(x, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)))
            .When(c => Condition.IsNumeric(c.Field) && c.Values.Count > 0)
            .WithMessage(c => $"{owner}: {c.Field} is compared with numbers.");
    }
}

internal sealed class LeadDefinitionValidator : AbstractValidator<LeadDefinition>
{
    public LeadDefinitionValidator()
    {
        RuleForEach(d => d.FitRules).ChildRules(rule =>
            rule.RuleFor(r => r.Condition).SetValidator(new ConditionValidator("Fit rule")));
        RuleForEach(d => d.ScoringRules).ChildRules(rule =>
        {
            rule.RuleFor(r => r.Name).NotEmpty().WithMessage("Scoring rule name is required.")
                .MaximumLength(AgreementLimits.Name).WithMessage($"Scoring rule name must be at most {AgreementLimits.Name} characters.");
            rule.RuleFor(r => r.Points).NotEqual(0).WithMessage(r => $"Scoring rule '{r.Name}': points must not be zero.");
            rule.RuleFor(r => r.Points).InclusiveBetween(-AgreementLimits.MaxPoints, AgreementLimits.MaxPoints)
                .WithMessage(r => $"Scoring rule '{r.Name}': points must be between -{AgreementLimits.MaxPoints} and {AgreementLimits.MaxPoints}.");
            rule.RuleFor(r => r.Condition).SetValidator(r => new ConditionValidator($"Scoring rule '{r.Name}'"));
        });
        RuleFor(d => d.FitRules).Must(r => AgreementContentValidator.UniqueIds(r.Select(x => x.Id)))
            .WithMessage(d => AgreementContentValidator.RepeatedIdMessage("fit rule", d.FitRules.Select(x => x.Id)));
        RuleFor(d => d.ScoringRules).Must(r => AgreementContentValidator.UniqueIds(r.Select(x => x.Id)))
            .WithMessage(d => AgreementContentValidator.RepeatedIdMessage("scoring rule", d.ScoringRules.Select(x => x.Id)));
        RuleFor(d => d.ScoringRules)
            .Must(r => AgreementContentValidator.Unique(r.Select(x => x.Name)))
            .WithMessage(d => $"Scoring rule names must be unique: {AgreementContentValidator.Duplicates(d.ScoringRules.Select(r => r.Name))} appears more than once.");
        RuleFor(d => d.FitRules).MustHoldAtMost("fit rules");
        RuleFor(d => d.ScoringRules).MustHoldAtMost("scoring rules");
        RuleFor(d => d.Grades).MustHoldAtMost("grades");
        RuleFor(d => d.MqlThreshold).InclusiveBetween(1, AgreementLimits.MaxScore)
            .WithMessage($"MQL threshold must be a positive number of points, at most {AgreementLimits.MaxScore:N0}.");
        RuleForEach(d => d.Grades).ChildRules(grade =>
        {
            grade.RuleFor(g => g.Name).NotEmpty().WithMessage("Grade name is required.")
                .MaximumLength(AgreementLimits.GradeName).WithMessage($"Grade name must be at most {AgreementLimits.GradeName} characters.");
            grade.RuleFor(g => g.MinScore).InclusiveBetween(0, AgreementLimits.MaxScore)
                .WithMessage(g => $"Grade {g.Name}: lowest score must be between 0 and {AgreementLimits.MaxScore:N0}.");
        });
        RuleFor(d => d.Grades)
            .Must(g => AgreementContentValidator.Unique(g.Select(x => x.Name)))
            .WithMessage(d => $"Grade names must be unique: {AgreementContentValidator.Duplicates(d.Grades.Select(g => g.Name))} appears more than once.");
        RuleFor(d => d.Grades)
            .Must(g => g.Select(x => x.MinScore).Distinct().Count() == g.Count)
            .WithMessage("Two grades start at the same score; each grade needs its own lowest score.");
    }
}

internal sealed class ResponseRulesValidator : AbstractValidator<ResponseRules>
{
    public ResponseRulesValidator(AgreementContent content)
    {
        RuleFor(r => r.Assignment).IsInEnum().WithMessage("Choose how leads reach reps: open pool or round robin.");
        RuleFor(r => r.Rules).MustHoldAtMost("response rules");
        RuleFor(r => r.Rules)
            .Must(rules => rules.Count(r => r.IsDefault) == 1)
            .WithMessage(r => r.Rules.Count(x => x.IsDefault) == 0
                ? "One rule must be the default, catching every lead no other rule matches."
                : $"Only one rule can be the default; {string.Join(" and ", r.Rules.Where(x => x.IsDefault).Select(x => $"'{x.Name}'"))} both are.");
        RuleFor(r => r.Rules).Must(rules => AgreementContentValidator.UniqueIds(rules.Select(r => r.Id)))
            .WithMessage(r => AgreementContentValidator.RepeatedIdMessage("response rule", r.Rules.Select(x => x.Id)));
        RuleFor(r => r.Rules)
            .Must(rules => AgreementContentValidator.Unique(rules.Select(r => r.Name)))
            .WithMessage(r => $"Response rule names must be unique: {AgreementContentValidator.Duplicates(r.Rules.Select(x => x.Name))} appears more than once.");
        RuleFor(r => r)
            .Custom((rules, context) =>
            {
                foreach (var (first, second) in rules.Overlaps())
                {
                    context.AddFailure(nameof(ResponseRules.Rules),
                        $"Rules '{first.Name}' and '{second.Name}' overlap: a lead could match both. Narrow their grades or personas.");
                }
            });
        RuleForEach(r => r.Rules).SetValidator(new ResponseRuleValidator(content));
    }
}

internal sealed class ResponseRuleValidator : AbstractValidator<ResponseRule>
{
    public ResponseRuleValidator(AgreementContent content)
    {
        RuleFor(r => r.Name).NotEmpty().WithMessage("Response rule name is required.")
            .MaximumLength(AgreementLimits.Name).WithMessage($"Response rule name must be at most {AgreementLimits.Name} characters.");
        RuleFor(r => r.FirstContact).SetValidator(r => new DurationValidator($"Rule '{r.Name}': first-contact budget"));
        RuleFor(r => r.Decision).SetValidator(r => new DurationValidator($"Rule '{r.Name}': accept-or-reject budget"));
        RuleFor(r => r.FollowUpWindow).SetValidator(r => new DurationValidator($"Rule '{r.Name}': follow-up window"));
        RuleFor(r => r.FollowUpAttempts).GreaterThan(0).WithMessage(r => $"Rule '{r.Name}': follow-up attempts must be positive.");
        RuleFor(r => r.FollowUpAttempts).LessThanOrEqualTo(AgreementLimits.MaxFollowUpAttempts)
            .WithMessage(r => $"Rule '{r.Name}': follow-up attempts must be at most {AgreementLimits.MaxFollowUpAttempts}.");
        RuleFor(r => r.WarningPercent).InclusiveBetween(1, 99).WithMessage(r => $"Rule '{r.Name}': at-risk warning must be between 1 and 99 percent of the budget.");
        RuleFor(r => r.Grades).MustBeShortItems("A response rule's grades", AgreementLimits.GradeName);
        RuleFor(r => r.Personas).MustBeShortItems("A response rule's personas", AgreementLimits.Name);
        RuleFor(r => r.Grades)
            .Must(grades => grades.All(g => content.LeadDefinition.Grades.Any(x => string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase))))
            .WithMessage(r => $"Rule '{r.Name}': grade {string.Join(", ", r.Grades.Where(g => !content.LeadDefinition.Grades.Any(x => string.Equals(x.Name, g, StringComparison.OrdinalIgnoreCase))))} is not defined in the lead definition.");
        RuleFor(r => r.Personas)
            .Must(personas => personas.All(p => content.Personas.Any(x => string.Equals(x.Name, p, StringComparison.OrdinalIgnoreCase))))
            .WithMessage(r => $"Rule '{r.Name}': persona {string.Join(", ", r.Personas.Where(p => !content.Personas.Any(x => string.Equals(x.Name, p, StringComparison.OrdinalIgnoreCase))))} is not one of the agreement's personas.");
    }
}

internal sealed class CalendarValidator : AbstractValidator<BusinessCalendar>
{
    public CalendarValidator()
    {
        RuleFor(c => c.TimeZone)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(AgreementLimits.TimeZone).WithMessage($"Time zone must be at most {AgreementLimits.TimeZone} characters.")
            .Must(BusinessCalendar.IsKnownTimeZone)
            .WithMessage(c => $"Time zone '{c.TimeZone}' is not a known IANA time zone (e.g. America/New_York, Europe/Berlin).");
        RuleFor(c => c.WorkingHours).NotEmpty().WithMessage("The calendar needs at least one working-hours range; without one no SLA clock could ever run.");
        RuleFor(c => c.WorkingHours).MustHoldAtMost("working-hours ranges");
        RuleFor(c => c.Holidays).MustHoldAtMost("holidays");
        RuleForEach(c => c.WorkingHours).ChildRules(hours =>
            hours.RuleFor(h => h.Day).IsInEnum().WithMessage("Choose a weekday, Monday to Sunday."));
        RuleForEach(c => c.WorkingHours).ChildRules(hours =>
            hours.RuleFor(h => h.End).Must((h, end) => end > h.Start || end == TimeOnly.MinValue)
                .WithMessage(h => $"{h.Day} {h.Start:HH\\:mm}-{h.End:HH\\:mm}: start must be before end (an end of 00:00 means midnight)."));
        RuleFor(c => c.WorkingHours)
            .Custom((ranges, context) =>
            {
                foreach (var day in ranges.GroupBy(r => r.Day))
                {
                    var ordered = day.OrderBy(r => r.Start).ToList();
                    for (var i = 1; i < ordered.Count; i++)
                    {
                        var previousEnd = ordered[i - 1].End == TimeOnly.MinValue ? TimeOnly.MaxValue : ordered[i - 1].End;
                        if (ordered[i].Start < previousEnd)
                        {
                            context.AddFailure(nameof(BusinessCalendar.WorkingHours),
                                $"{day.Key}: {ordered[i - 1].Start:HH\\:mm}-{ordered[i - 1].End:HH\\:mm} and {ordered[i].Start:HH\\:mm}-{ordered[i].End:HH\\:mm} overlap.");
                        }
                    }
                }
            });
        RuleForEach(c => c.Holidays).InclusiveBetween(AgreementLimits.EarliestDate, AgreementLimits.LatestDate)
            .WithMessage($"Holidays fall between {AgreementLimits.EarliestDate:yyyy-MM-dd} and {AgreementLimits.LatestDate:yyyy-MM-dd}.");
        RuleFor(c => c.Holidays)
            .Must(h => h.Distinct().Count() == h.Count)
            .WithMessage(c => $"Holiday {string.Join(", ", c.Holidays.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key.ToString("yyyy-MM-dd")))} is listed twice.");
    }
}

internal sealed class ReasonListsValidator : AbstractValidator<ReasonLists>
{
    public ReasonListsValidator()
    {
        RuleFor(r => r.RejectionReasons).NotEmpty().WithMessage("Give sales at least one rejection reason to choose from.");
        RuleFor(r => r.LostReasons).NotEmpty().WithMessage("Give sales at least one lost reason to choose from.");
        RuleFor(r => r.RejectionReasons).MustHoldAtMost("rejection reasons");
        RuleFor(r => r.LostReasons).MustHoldAtMost("lost reasons");
        RuleForEach(r => r.RejectionReasons).NotEmpty().WithMessage("A rejection reason can't be blank.")
            .MaximumLength(AgreementLimits.ReasonItem).WithMessage($"A rejection reason must be at most {AgreementLimits.ReasonItem} characters.");
        RuleForEach(r => r.LostReasons).NotEmpty().WithMessage("A lost reason can't be blank.")
            .MaximumLength(AgreementLimits.ReasonItem).WithMessage($"A lost reason must be at most {AgreementLimits.ReasonItem} characters.");
        RuleFor(r => r.RejectionReasons).Must(AgreementContentValidator.Unique)
            .WithMessage(r => $"Rejection reason {AgreementContentValidator.Duplicates(r.RejectionReasons)} is listed twice.");
        RuleFor(r => r.LostReasons).Must(AgreementContentValidator.Unique)
            .WithMessage(r => $"Lost reason {AgreementContentValidator.Duplicates(r.LostReasons)} is listed twice.");
    }
}

public sealed class DraftHeaderRequestValidator : AbstractValidator<DraftHeaderRequest>
{
    public DraftHeaderRequestValidator()
    {
        RuleFor(r => r.Summary).NotNull().WithMessage("'summary' can't be null; send a text (\"\" for none).");
        RuleFor(r => r.Summary).MaximumLength(AgreementLimits.Text)
            .WithMessage($"Summary must be at most {AgreementLimits.Text} characters.");
        RuleFor(r => r.EffectiveFrom).LessThanOrEqualTo(AgreementLimits.LatestDate)
            .WithMessage($"The effective date must be {AgreementLimits.LatestDate:yyyy-MM-dd} or earlier.");
        RuleFor(r => r.ExpectedContentRevision).GreaterThanOrEqualTo(0)
            .WithMessage("'expectedContentRevision' must be the draft's content revision you last read (0 or more).");
    }
}

internal sealed class DurationValidator : AbstractValidator<BusinessDuration>
{
    public DurationValidator(string what)
    {
        RuleFor(d => d.Unit).IsInEnum().WithMessage($"{what}: choose minutes, hours or days.");
        RuleFor(d => d.Value).GreaterThan(0).WithMessage($"{what} must be positive.");
        RuleFor(d => d.Value)
            .Must((d, value) => value <= AgreementLimits.MaxDuration(d.Unit)).When(d => Enum.IsDefined(d.Unit))
            .WithMessage(d => $"{what} must be at most {AgreementLimits.MaxDuration(d.Unit):N0} {d.Unit.ToString().ToLowerInvariant()} ({AgreementLimits.MaxDurationDays} business days).");
    }
}

internal static class ListRules
{
    /// <summary>No list of an agreement grows past <see cref="AgreementLimits.ListCount"/> items.</summary>
    public static IRuleBuilderOptions<T, List<TItem>> MustHoldAtMost<T, TItem>(this IRuleBuilderInitial<T, List<TItem>> rule, string what) =>
        rule.Must(items => items is null || items.Count <= AgreementLimits.ListCount)
            .WithMessage($"There can be at most {AgreementLimits.ListCount} {what}.");

    /// <summary>A list of short texts: at most <see cref="AgreementLimits.ListCount"/> of them, each at most <paramref name="length"/> characters.</summary>
    public static IRuleBuilderOptions<T, List<string>> MustBeShortItems<T>(this IRuleBuilderInitial<T, List<string>> rule, string what, int length = AgreementLimits.ListItem) =>
        rule.Must(items => items is null || (items.Count <= AgreementLimits.ListCount && items.All(i => i is null || i.Length <= length)))
            .WithMessage($"{what}: at most {AgreementLimits.ListCount} items, each at most {length} characters.");
}
