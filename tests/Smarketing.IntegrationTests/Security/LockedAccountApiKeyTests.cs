using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Security;

/// <summary>An account that may not sign in may not call the API either: its keys stop with it, from the next request.</summary>
public sealed class LockedAccountApiKeyTests(SecurityApp app) : IClassFixture<SecurityApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALockedPersonsKey_StopsWorkingAtOnce_AndWorksAgainWhenTheLockEnds()
    {
        var (id, email) = await app.NewPersonAsync("Right-Password1");
        var client = app.ApiClient(await KeyOfAsync(email));
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await SetLockoutEndAsync(id, DateTimeOffset.UtcNow.AddMinutes(15));
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await SetLockoutEndAsync(id, DateTimeOffset.UtcNow.AddMinutes(-1));
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ADeactivatedPersonsKey_StopsWorkingAtOnce()
    {
        var (id, email) = await app.NewPersonAsync("Right-Password1");
        var client = app.ApiClient(await KeyOfAsync(email));
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(id, false, Ct)).Succeeded.ShouldBeTrue();
        }

        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task APersonsKey_ActsWithTheirNewRoles_FromTheNextRequest()
    {
        var (id, email) = await app.NewPersonAsync("Right-Password1", Roles.SalesRep);
        var client = app.ApiClient(await KeyOfAsync(email));
        (await client.GetStringAsync("/api/v1/me", Ct)).ShouldContain(Roles.SalesRep);

        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>()
                .ChangeRolesAsync(new ChangeRolesRequest { UserId = id, Roles = [Roles.Leadership] }, Ct)).Succeeded.ShouldBeTrue();
        }

        var me = await client.GetStringAsync("/api/v1/me", Ct);
        me.ShouldContain(Roles.Leadership);
        me.ShouldNotContain(Roles.SalesRep);
    }

    private async Task<string> KeyOfAsync(string email)
    {
        await using var person = await app.SignedInAsAsync(email);
        var created = await person.ServiceProvider.GetRequiredService<IApiKeyService>()
            .CreateAsync(new CreateApiKeyRequest { Name = "Nightly sync" }, Ct);
        created.Succeeded.ShouldBeTrue(created.Message);
        return created.Value.Secret;
    }

    private Task SetLockoutEndAsync(string id, DateTimeOffset end) =>
        app.WithUserManagerAsync(async users => await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, end));
}
