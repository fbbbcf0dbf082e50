using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Smarketing.Application.ApiKeys;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Persistence;

/// <summary>Who made a record and when comes from the signed-in user and the injected TimeProvider, never the machine clock.</summary>
public sealed class AuditTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 9, 12, 34, 56, TimeSpan.Zero);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewApiKey_RecordsWhoCreatedItAndWhen_FromTheAppsClock()
    {
        var clock = new FakeTimeProvider(Noon);
        await using var frozen = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var scope = frozen.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = await PrincipalOfAsync(Demo.Rep2);

        var created = (await scope.ServiceProvider.GetRequiredService<IApiKeyService>()
            .CreateAsync(new CreateApiKeyRequest { Name = "Audited" }, Ct)).Value;

        created.Key.CreatedAt.ShouldBe(Noon);
        await using var db = app.OpenDatabase();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id, Ct);
        stored.CreatedBy.ShouldBe(Demo.Rep2);
        stored.CreatedAt.ShouldBe(Noon);
        stored.UpdatedBy.ShouldBe(Demo.Rep2);
        stored.UpdatedAt.ShouldBe(Noon);
    }

    [Fact]
    public async Task RevokingAKey_StampsTheRevocationTime_AndLeavesTheCreationTime()
    {
        var clock = new FakeTimeProvider(Noon);
        await using var frozen = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var principal = await PrincipalOfAsync(Demo.Rep2);

        Guid keyId;
        await using (var scope = frozen.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
            keyId = (await scope.ServiceProvider.GetRequiredService<IApiKeyService>()
                .CreateAsync(new CreateApiKeyRequest { Name = "Revoked later" }, Ct)).Value.Key.Id;
        }

        clock.Advance(TimeSpan.FromHours(3));
        await using (var scope = frozen.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = principal;
            (await scope.ServiceProvider.GetRequiredService<IApiKeyService>().RevokeAsync(keyId, Ct)).Succeeded.ShouldBeTrue();
        }

        await using var db = app.OpenDatabase();
        var stored = await db.ApiKeys.SingleAsync(k => k.Id == keyId, Ct);
        stored.CreatedAt.ShouldBe(Noon);
        stored.RevokedAt.ShouldBe(Noon.AddHours(3));
        stored.UpdatedAt.ShouldBe(Noon.AddHours(3));
        stored.UpdatedBy.ShouldBe(Demo.Rep2);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal> PrincipalOfAsync(string email)
    {
        await using var scope = await app.SignedInAsAsync(email);
        return scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal;
    }
}
