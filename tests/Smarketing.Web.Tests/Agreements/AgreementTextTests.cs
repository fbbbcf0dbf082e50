using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Web.Components.Pages.Agreements;
using Smarketing.Web.Tests.Support;

namespace Smarketing.Web.Tests.Agreements;

/// <summary>The agreement in plain words: what changed between versions, and when business time runs.</summary>
public sealed class AgreementTextTests : ComponentTest
{
    [Fact]
    public void TheChanges_AreGroupedUnderTheSectionTheyBelongTo_InTheOrderGiven()
    {
        var diff = Render<DiffList>(p => p.Add(x => x.Lines,
        [
            new DiffLine(AgreementSection.Personas, "Persona 'RevOps Lead' added"),
            new DiffLine(AgreementSection.Personas, "Persona 'IT Director' renamed"),
            new DiffLine(AgreementSection.Calendar, "Time zone: America/New_York -> America/Chicago"),
        ]));

        diff.FindAll("h3").Select(h => h.TextContent).ShouldBe(["Buyer personas", "Business calendar"]);
        diff.FindAll("ul")[0].QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(["Persona 'RevOps Lead' added", "Persona 'IT Director' renamed"]);
        diff.FindAll("ul")[1].TextContent.ShouldBe("Time zone: America/New_York -> America/Chicago");
    }

    [Fact]
    public void NoChanges_SayWhatTheReaderShouldKnow()
    {
        var diff = Render<DiffList>(p => p.Add(x => x.Lines, []).Add(x => x.EmptyText, "Versions 1 and 2 say the same thing."));

        diff.Find("[data-testid=diff-empty]").TextContent.ShouldBe("Versions 1 and 2 say the same thing.");
        diff.FindAll("[data-testid=diff]").ShouldBeEmpty();
    }

    [Fact]
    public void ChangesNotLoadedYet_ShowNothing()
    {
        var diff = Render<DiffList>(p => p.Add(x => x.Lines, null));

        diff.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void TheCalendar_ListsEveryDayFromMonday_WithItsHoursOrClosed_AndTheHolidaysInDateOrder()
    {
        var calendar = BusinessCalendar.Standard("America/New_York", [new DateOnly(2026, 12, 25), new DateOnly(2026, 11, 26)]);
        calendar.WorkingHours.Add(new WorkingHours(DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(12, 0)));

        var text = Render<CalendarText>(p => p.Add(x => x.Calendar, calendar));

        text.Find("p").TextContent.ShouldStartWith("Business time runs in America/New_York.");
        text.FindAll("th[scope=row]").Select(th => th.TextContent).ShouldBe(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]);
        text.FindAll("tr")[0].QuerySelector("td")!.TextContent.ShouldBe("09:00-17:00");
        text.FindAll("tr")[5].QuerySelector("td")!.TextContent.ShouldBe("10:00-12:00");
        text.FindAll("tr")[6].QuerySelector("td")!.TextContent.ShouldBe("Closed");
        text.Find("[data-testid=holidays]").TextContent.ShouldBe("Thu 26 Nov 2026, Fri 25 Dec 2026");
    }

    [Fact]
    public void ACalendarWithoutHolidays_SaysNone()
    {
        var text = Render<CalendarText>(p => p.Add(x => x.Calendar, BusinessCalendar.Standard("Europe/Berlin", [])));

        text.Find("[data-testid=holidays]").TextContent.ShouldBe("None.");
    }
}
