using Smarketing.Application.Leads;
using Smarketing.Application.Reports;
using Smarketing.Domain.Leads;

namespace Smarketing.UnitTests.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void ResponseTimes_HaveOneHeaderAndOneLinePerGroup_WithEmptyCellsForNoData()
    {
        var csv = ReportCsv.ResponseTimes(
        [
            new("East", 10, 8, 6, 3, 1, 66.7m, 42, 300, new ResponseBands(4, 2, 1, 1)),
            new("rep3@demo.test", 0, 0, 0, 0, 0, null, null, null, new ResponseBands(0, 0, 0, 0)),
        ]);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        lines[0].ShouldStartWith("group,handed_off,contacted,contacted_within_sla,breached,open,compliance_pct,p50_business_minutes_to_first_contact");
        lines[1].ShouldBe("East,10,8,6,3,1,66.7,42,300,4,2,1,1");
        lines[2].ShouldBe("rep3@demo.test,0,0,0,0,0,,,,0,0,0,0");
    }

    [Fact]
    public void TextWithCommasQuotesOrLineBreaks_IsQuoted() =>
        ReportCsv.Write(["reason"], [["Not a fit, \"really\"\nat all"]]).ShouldBe("reason\r\n\"Not a fit, \"\"really\"\"\nat all\"\r\n");

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1 555")]
    [InlineData("@SUM(A1)")]
    public void ALeadNameAspreadsheetWouldRunAsAFormula_IsWrittenAsText(string name)
    {
        var lead = new LeadSummary(Guid.Empty, name, "a@b.test", "Co", null, LeadStage.HandedOff, true, 90, "A", null, null,
            DateTimeOffset.UnixEpoch, null, null, null);

        var cell = ReportCsv.Leads([lead]).Split("\r\n")[1].Split(',')[1].Trim('"');

        cell.ShouldStartWith("'");
    }

    [Fact]
    public void NegativeNumbers_StayNumbers() => ReportCsv.Write(["n"], [[-3.5m]]).ShouldBe("n\r\n-3.5\r\n");

    [Fact]
    public void Instants_AreWrittenInUtcWithTheirZone() =>
        ReportCsv.Write(["at"], [[new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.FromHours(-5))]]).ShouldBe("at\r\n2026-11-02T14:30:00Z\r\n");
}
