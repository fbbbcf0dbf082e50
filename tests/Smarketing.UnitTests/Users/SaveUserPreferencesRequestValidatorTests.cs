using Smarketing.Application.Common;
using Smarketing.Application.Users;

namespace Smarketing.UnitTests.Users;

public sealed class SaveUserPreferencesRequestValidatorTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(SaveUserPreferencesRequest request)
    {
        var result = await new SaveUserPreferencesRequestValidator().CheckAsync(request, TestContext.Current.CancellationToken);
        return result?.Errors ?? new Dictionary<string, string[]>();
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Europe/Berlin")]
    [InlineData("UTC")]
    [InlineData(null)]
    [InlineData("")]
    public async Task AKnownZone_OrNoZoneAtAll_IsAccepted(string? zone)
    {
        (await ErrorsFor(new SaveUserPreferencesRequest { TimeZoneId = zone, DarkMode = false })).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("New York")]
    public async Task AZoneTheServerDoesNotKnow_IsRefusedOnTheTimeZone(string zone)
    {
        var errors = await ErrorsFor(new SaveUserPreferencesRequest { TimeZoneId = zone, DarkMode = false });

        errors.Keys.ShouldBe([nameof(SaveUserPreferencesRequest.TimeZoneId)]);
        errors[nameof(SaveUserPreferencesRequest.TimeZoneId)].ShouldHaveSingleItem().ShouldContain($"'{zone}' is not one this server knows");
    }

    [Fact]
    public async Task AnOverlongZone_IsRefusedForItsLength()
    {
        var errors = await ErrorsFor(new SaveUserPreferencesRequest { TimeZoneId = new string('x', 65), DarkMode = false });

        errors[nameof(SaveUserPreferencesRequest.TimeZoneId)].ShouldHaveSingleItem().ShouldBe("Time zone must be at most 64 characters.");
    }

    [Fact]
    public async Task DarkModeLeftOut_IsAnError_NotASilentLightMode()
    {
        var errors = await ErrorsFor(new SaveUserPreferencesRequest { TimeZoneId = "UTC" });

        errors[nameof(SaveUserPreferencesRequest.DarkMode)].ShouldHaveSingleItem().ShouldBe("Dark mode is required: true or false.");
    }
}
