using System.Text.Json;
using Smarketing.Application.Agreements;
using Smarketing.Domain.Agreements;
using Smarketing.Domain.BusinessTime;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Demo;

namespace Smarketing.UnitTests.Agreements;

/// <summary>The one JSON shape of the agreement, stored and served alike (product.md, "The JSON API").</summary>
public sealed class AgreementJsonTests
{
    [Fact]
    public void TheCalendar_IsWrittenInProductMdsShape()
    {
        var content = new AgreementContent
        {
            Calendar = new BusinessCalendar
            {
                TimeZone = "America/New_York",
                WorkingHours =
                [
                    new WorkingHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)),
                    new WorkingHours(DayOfWeek.Monday, new TimeOnly(13, 0), new TimeOnly(17, 30)),
                ],
                Holidays = [new DateOnly(2026, 12, 25)],
            },
        };

        AgreementJson.Serialize(content, AgreementSection.Calendar).ShouldBe(
            """{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"09:00","end":"12:00"},{"day":"Monday","start":"13:00","end":"17:30"}],"holidays":["2026-12-25"]}""");
    }

    [Fact]
    public void ACalendarWrittenAsInProductMd_IsReadBack()
    {
        var content = new AgreementContent();

        AgreementJson.Apply(content, AgreementSection.Calendar,
            """{ "timeZone": "Europe/Berlin", "workingHours": [ { "day": "Friday", "start": "08:00", "end": "14:00" } ], "holidays": [ "2026-12-24", "2026-12-31" ] }""");

        content.Calendar.TimeZone.ShouldBe("Europe/Berlin");
        content.Calendar.WorkingHours.Single().Day.ShouldBe(DayOfWeek.Friday);
        content.Calendar.WorkingHours.Single().Start.ShouldBe(new TimeOnly(8, 0));
        content.Calendar.WorkingHours.Single().End.ShouldBe(new TimeOnly(14, 0));
        content.Calendar.Holidays.ShouldBe([new DateOnly(2026, 12, 24), new DateOnly(2026, 12, 31)]);
    }

    [Fact]
    public void EverySectionOfTheDemoAgreement_SurvivesARoundTrip_Unchanged()
    {
        var original = DemoAgreement.Version2Draft();

        var copy = AgreementJson.Assemble(AgreementSections.All.Select(s => (s, AgreementJson.Serialize(original, s))));

        AgreementDiff.Between(original, copy).ShouldBeEmpty();
        foreach (var section in AgreementSections.All)
        {
            AgreementJson.Serialize(copy, section).ShouldBe(AgreementJson.Serialize(original, section), $"section {section}");
        }

        copy.Calendar.WorkingHours.Count.ShouldBe(5);
        copy.ResponseRules.Rules[0].FirstContact.ToString().ShouldBe("2 business hours");
        copy.Personas.Select(p => p.Id).ShouldBe(original.Personas.Select(p => p.Id));
    }

    [Fact]
    public void EnumsAreWrittenAsCamelCaseNames_NotNumbers()
    {
        var json = AgreementJson.Serialize(DemoAgreement.Version1(), AgreementSection.ResponseRules);

        json.ShouldContain("\"assignment\":\"openPool\"");
        json.ShouldContain("\"firstContact\":{\"value\":4,\"unit\":\"hours\"}");
    }

    [Fact]
    public void ACloneIsADeepCopy_SoEditingItLeavesTheOriginalAlone()
    {
        var original = DemoAgreement.Version1();

        var clone = AgreementJson.Clone(original);
        clone.Personas[0].JobTitles.Add("CIO");
        clone.Calendar.Holidays.Clear();

        original.Personas[0].JobTitles.ShouldNotContain("CIO");
        original.Calendar.Holidays.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":1,"start":"09:00","end":"17:00"}],"holidays":[]}""", "calendar.workingHours[0].day", "'workingHours[0].day' must be a weekday (Monday ... Sunday), not 1.")]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":"1","start":"09:00","end":"17:00"}],"holidays":[]}""", "calendar.workingHours[0].day", "'workingHours[0].day' must be a weekday (Monday ... Sunday), not '1'.")]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":"Funday","start":"09:00","end":"17:00"}],"holidays":[]}""", "calendar.workingHours[0].day", "'workingHours[0].day' must be a weekday (Monday ... Sunday), not 'Funday'.")]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"9 am","end":"17:00"}],"holidays":[]}""", "calendar.workingHours[0].start", "'workingHours[0].start' must be a time of day like 09:00, not '9 am'.")]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"09:00"}],"holidays":[]}""", "calendar.workingHours[0].end", "'end' is required; send a time of day like 09:00.")]
    [InlineData("""{"timeZone":"America/New_York","workingHours":[{"day":"Monday","start":"09:00","end":"17:00","until":"18:00"}]}""", "calendar.workingHours[0].until", "'workingHours[0].until' is not a field here. The fields are: day, start, end.")]
    public void ACalendarFromAProgram_WithAnUnreadableOrMissingDayOrTime_IsRefusedOnThatField(string json, string field, string message)
    {
        using var document = JsonDocument.Parse(json);

        var result = AgreementJson.TryApply(new AgreementContent(), AgreementSection.Calendar, document.RootElement);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([field]);
        result.Errors[field].ShouldBe([message]);
    }
}
