using Smarketing.Application.Reports;
using Smarketing.Domain.Agreements;

namespace Smarketing.UnitTests.Reports;

public sealed class ScorecardStatusTests
{
    [Theory]
    [InlineData(95.0, 95, Comparison.AtLeast, Rag.Green)]
    [InlineData(97.3, 95, Comparison.AtLeast, Rag.Green)]
    [InlineData(85.5, 95, Comparison.AtLeast, Rag.Amber)]
    [InlineData(85.4, 95, Comparison.AtLeast, Rag.Red)]
    [InlineData(360, 400, Comparison.AtLeast, Rag.Amber)]
    [InlineData(359, 400, Comparison.AtLeast, Rag.Red)]
    [InlineData(4, 4, Comparison.AtMost, Rag.Green)]
    [InlineData(4.4, 4, Comparison.AtMost, Rag.Amber)]
    [InlineData(4.5, 4, Comparison.AtMost, Rag.Red)]
    public void AClause_IsGreenWhenKept_AmberWhenMissedByLessThanATenth_RedOtherwise(double actual, double target, Comparison comparison, Rag expected) =>
        ScorecardStatus.Of((decimal)actual, (decimal)target, comparison).ShouldBe(expected);

    [Fact]
    public void AClauseWithNoLeadsToJudge_HasNoDataRatherThanAPass() =>
        ScorecardStatus.Of(null, 95, Comparison.AtLeast).ShouldBe(Rag.NoData);

    [Theory]
    [InlineData(Rag.Green, "Kept")]
    [InlineData(Rag.Amber, "Missed narrowly")]
    [InlineData(Rag.Red, "Missed")]
    [InlineData(Rag.NoData, "No data yet")]
    public void EachStatus_ReadsAsWordsNotOnlyAsAColour(Rag rag, string words) => ScorecardStatus.Label(rag).ShouldBe(words);
}
