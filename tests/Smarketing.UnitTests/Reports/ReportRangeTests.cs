using Smarketing.Application.Reports;
using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Reports;

public sealed class ReportRangeTests
{
    [Fact]
    public void TwoDates_ReadAsAnInclusiveRange()
    {
        var range = ReportRange.Parse("2026-11-01", "2026-11-30");

        range.Succeeded.ShouldBeTrue();
        range.Value.ShouldBe(new ReportRange(new(2026, 11, 1), new(2026, 11, 30)));
        range.Value.Days.ShouldBe(30);
    }

    [Fact]
    public void MissingDates_AreNamedOneByOne()
    {
        var range = ReportRange.Parse(null, " ");

        range.Kind.ShouldBe(ResultKind.Invalid);
        range.Errors["from"].ShouldHaveSingleItem().ShouldContain("required");
        range.Errors["to"].ShouldHaveSingleItem().ShouldContain("required");
    }

    [Theory]
    [InlineData("11/01/2026")]
    [InlineData("2026-13-01")]
    [InlineData("yesterday")]
    public void ADateInAnotherShape_IsRefusedWithTheShapeToUse(string text) =>
        ReportRange.Parse(text, "2026-11-30").Errors["from"].ShouldHaveSingleItem().ShouldContain("like 2026-11-01");

    [Fact]
    public void AnEndBeforeTheStart_IsRefusedOnTo() =>
        ReportRange.Parse("2026-11-30", "2026-11-01").Errors["to"].ShouldHaveSingleItem().ShouldContain("on or after");

    [Fact]
    public void MoreThan400Days_IsRefused() =>
        ReportRange.Parse("2025-01-01", "2026-06-30").Errors["to"].ShouldHaveSingleItem().ShouldContain("400 days");

    [Theory]
    [InlineData(null, GroupBy.Rep)]
    [InlineData("team", GroupBy.Team)]
    [InlineData("WEEK", GroupBy.Week)]
    public void GroupBy_AcceptsRepTeamOrWeek(string? text, GroupBy expected) => ReportRange.ParseGroupBy(text).Value.ShouldBe(expected);

    [Theory]
    [InlineData("month")]
    [InlineData("1")]
    public void AnyOtherGroupBy_IsRefusedByName(string text) =>
        ReportRange.ParseGroupBy(text).Errors["groupBy"].ShouldHaveSingleItem().ShouldContain("rep, team or week");

    [Fact]
    public void MergingTwoRefusals_KeepsBothFields()
    {
        var merged = ReportRange.Merge(ReportRange.Parse("x", "2026-11-01"), ReportRange.ParseGroupBy("month"));

        merged.Errors.Keys.ShouldBe(["from", "groupBy"], ignoreOrder: true);
    }
}
