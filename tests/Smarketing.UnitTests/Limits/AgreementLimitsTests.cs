using Smarketing.Application.Agreements;
using Smarketing.Application.Common;
using Smarketing.Domain.Agreements;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Limits;

/// <summary>Every number an agreement holds has a sensible maximum, and every unit is one the clocks know.</summary>
public sealed class AgreementLimitsTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(AgreementContent content) =>
        (await new AgreementContentValidator().CheckAsync(content, TestContext.Current.CancellationToken))?.Errors ?? new Dictionary<string, string[]>();

    private static ResponseRule DefaultRule(AgreementContent content) => content.ResponseRules.Rules.Single(r => r.IsDefault);

    private static string DefaultRulePath(AgreementContent content) =>
        $"ResponseRules.Rules[{content.ResponseRules.Rules.FindIndex(r => r.IsDefault)}]";

    [Theory]
    [InlineData(DurationUnit.Days, 365, true)]
    [InlineData(DurationUnit.Days, 366, false)]
    [InlineData(DurationUnit.Hours, 8760, true)]
    [InlineData(DurationUnit.Hours, 8761, false)]
    [InlineData(DurationUnit.Minutes, 525_600, true)]
    [InlineData(DurationUnit.Minutes, int.MaxValue, false)]
    public async Task A_duration_is_at_most_365_business_days_in_any_unit(DurationUnit unit, int value, bool accepted)
    {
        var content = DemoAgreement.Version1();
        DefaultRule(content).Decision = new BusinessDuration(value, unit);

        var errors = await ErrorsFor(content);

        errors.ContainsKey($"{DefaultRulePath(content)}.Decision.Value").ShouldBe(!accepted, string.Join(" ", errors.Keys));
    }

    [Theory]
    [InlineData(99)]
    [InlineData(-1)]
    public async Task Decision_and_follow_up_window_units_outside_minutes_hours_days_are_refused(int unit)
    {
        var content = DemoAgreement.Version1();
        var rule = DefaultRule(content);
        rule.Decision.Unit = (DurationUnit)unit;
        rule.FollowUpWindow.Unit = (DurationUnit)unit;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldContain($"{DefaultRulePath(content)}.Decision.Unit");
        errors.Keys.ShouldContain($"{DefaultRulePath(content)}.FollowUpWindow.Unit");
        errors[$"{DefaultRulePath(content)}.Decision.Unit"].ShouldBe([$"Rule '{rule.Name}': accept-or-reject budget: choose minutes, hours or days."]);
    }

    [Fact]
    public async Task Attempts_points_thresholds_and_targets_beyond_their_maximum_are_refused()
    {
        var content = DemoAgreement.Version1();
        DefaultRule(content).FollowUpAttempts = AgreementLimits.MaxFollowUpAttempts + 1;
        content.LeadDefinition.ScoringRules[0].Points = -(AgreementLimits.MaxPoints + 1);
        content.LeadDefinition.MqlThreshold = int.MaxValue;
        var count = content.MarketingClauses.FindIndex(c => c.Metric == ClauseMetric.MqlsDelivered);
        content.MarketingClauses[count].Target = AgreementLimits.MaxCountTarget + 1;

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(
            [$"{DefaultRulePath(content)}.FollowUpAttempts", "LeadDefinition.ScoringRules[0].Points", "LeadDefinition.MqlThreshold", $"MarketingClauses[{count}].Target"],
            ignoreOrder: true);
    }

    [Fact]
    public async Task Texts_and_list_items_longer_than_their_limit_are_refused()
    {
        var content = DemoAgreement.Version1();
        content.Personas[0].Notes = new string('n', AgreementLimits.Text + 1);
        content.Personas[0].JobTitles.Add(new string('j', AgreementLimits.ListItem + 1));
        content.Calendar.TimeZone = new string('z', AgreementLimits.TimeZone + 1);

        var errors = await ErrorsFor(content);

        errors.Keys.ShouldBe(["Personas[0].Notes", "Personas[0].JobTitles", "Calendar.TimeZone"], ignoreOrder: true);
        errors["Calendar.TimeZone"].ShouldBe(["Time zone must be at most 64 characters."]);
    }

    [Fact]
    public async Task A_list_longer_than_200_items_is_refused()
    {
        var content = DemoAgreement.Version1();
        content.Reasons.LostReasons = [.. Enumerable.Range(1, AgreementLimits.ListCount + 1).Select(i => $"Reason {i}")];

        (await ErrorsFor(content))["Reasons.LostReasons"].ShouldBe(["There can be at most 200 lost reasons."]);
    }
}
