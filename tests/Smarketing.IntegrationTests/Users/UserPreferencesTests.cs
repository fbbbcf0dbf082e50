using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Users;

/// <summary>Each person's time zone and light or dark mode, kept with their account and nobody else's.</summary>
public sealed class UserPreferencesTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<T> AsAsync<T>(string email, Func<UserPreferencesService, Task<T>> act)
    {
        await using var scope = await app.SignedInAsAsync(email);
        return await act(scope.ServiceProvider.GetRequiredService<UserPreferencesService>());
    }

    [Fact]
    public async Task SomeoneWhoChoseNoZone_ReadsTimesInTheAgreementCalendarsZone()
    {
        var zone = await AsAsync(Demo.Rep3, p => p.ViewerZoneAsync(Ct));

        zone.Id.ShouldBe("America/New_York", "the demo agreement's calendar runs on New York time");
    }

    [Fact]
    public async Task AChosenZone_IsKeptForThatPersonAlone_AndUsedForTheirTimes()
    {
        var saved = await AsAsync(Demo.Rep2, p => p.SetTimeZoneAsync("Europe/Berlin", Ct));

        saved.Succeeded.ShouldBeTrue(saved.Message);
        (await AsAsync(Demo.Rep2, p => p.ViewerZoneAsync(Ct))).Id.ShouldBe("Europe/Berlin");
        (await AsAsync(Demo.Rep1, p => p.ViewerZoneAsync(Ct))).Id.ShouldBe("America/New_York", "rep1 chose nothing");

        await AsAsync(Demo.Rep2, p => p.SetTimeZoneAsync(null, Ct));
        (await AsAsync(Demo.Rep2, p => p.ViewerZoneAsync(Ct))).Id.ShouldBe("America/New_York", "clearing the zone follows the calendar again");
    }

    [Fact]
    public async Task DarkMode_IsRememberedAcrossVisits_WithoutTouchingTheZone()
    {
        await AsAsync(Demo.Leadership, p => p.SetTimeZoneAsync("UTC", Ct));

        (await AsAsync(Demo.Leadership, p => p.SetDarkModeAsync(true, Ct))).Succeeded.ShouldBeTrue();

        var later = await AsAsync(Demo.Leadership, p => p.GetAsync(Ct));
        later.ShouldBe(new UserPreferences("UTC", DarkMode: true));
    }

    [Fact]
    public async Task AnUnknownZone_IsRefusedNamingTheField_AndNothingIsStored()
    {
        await AsAsync(Demo.SalesManager, p => p.SetTimeZoneAsync("Asia/Tokyo", Ct));

        var refused = await AsAsync(Demo.SalesManager, p => p.SetTimeZoneAsync("Atlantis/Capital", Ct));

        refused.Kind.ShouldBe(ResultKind.Invalid);
        refused.Errors.Keys.ShouldBe([nameof(SaveUserPreferencesRequest.TimeZoneId)]);
        await using var db = app.OpenDatabase();
        (await db.Users.SingleAsync(u => u.Email == Demo.SalesManager, Ct)).TimeZoneId.ShouldBe("Asia/Tokyo");
    }
}
