using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.ApiKeys;

/// <summary>IApiKeyService as "My API keys" and the service-accounts page use it.</summary>
public sealed class ApiKeyServiceTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreatingAKey_ShowsTheSecretOnce_AndStoresOnlyItsHash()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();

        var created = (await keys.CreateAsync(new CreateApiKeyRequest { Name = "  Spreadsheet macro " }, Ct)).Value;

        created.Secret.ShouldStartWith("smk_");
        created.Secret.Length.ShouldBeGreaterThanOrEqualTo(32);
        created.Key.Name.ShouldBe("Spreadsheet macro");
        created.Key.OwnerEmail.ShouldBe(Demo.Rep1);

        var listed = (await keys.ListAsync(ct: Ct)).Value;
        JsonSerializer.Serialize(listed).ShouldNotContain(created.Secret);
        var summary = listed.Single(k => k.Id == created.Key.Id);
        summary.Prefix.ShouldBe(created.Secret[..8]);
        summary.Active.ShouldBeTrue();

        foreach (var value in await EveryValueInTheApiKeysTableAsync())
        {
            value.ShouldNotContain(created.Secret);
        }

        (await keys.AuthenticateAsync(created.Secret, Ct)).ShouldNotBeNull().Email.ShouldBe(Demo.Rep1);
    }

    [Fact]
    public async Task EveryKey_GetsADifferentSecret()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();

        var first = (await keys.CreateAsync(new CreateApiKeyRequest { Name = "One" }, Ct)).Value;
        var second = (await keys.CreateAsync(new CreateApiKeyRequest { Name = "Two" }, Ct)).Value;

        first.Secret.ShouldNotBe(second.Secret);
    }

    [Fact]
    public async Task AKeyWithoutAName_IsRefusedNamingTheNameField()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();
        var before = (await keys.ListAsync(ct: Ct)).Value.Count;

        var result = await keys.CreateAsync(new CreateApiKeyRequest { Name = " " }, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([nameof(CreateApiKeyRequest.Name)]);
        (await keys.ListAsync(ct: Ct)).Value.Count.ShouldBe(before);
    }

    [Fact]
    public async Task NobodySignedIn_CannotCreateOrListKeys()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<IApiKeyService>();

        (await keys.CreateAsync(new CreateApiKeyRequest { Name = "Anonymous" }, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await keys.ListAsync(ct: Ct)).Kind.ShouldBe(ResultKind.Forbidden);
    }

    [Fact]
    public async Task APersonsKeyList_ShowsOnlyTheirOwnKeys()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        await using var rep2 = await app.SignedInAsAsync(Demo.Rep2);
        var mine = (await rep2.ServiceProvider.GetRequiredService<IApiKeyService>().CreateAsync(new CreateApiKeyRequest { Name = "Rep2 only" }, Ct)).Value;

        var rep1Keys = (await rep1.ServiceProvider.GetRequiredService<IApiKeyService>().ListAsync(ct: Ct)).Value;

        rep1Keys.ShouldNotContain(k => k.Id == mine.Key.Id);
        rep1Keys.ShouldAllBe(k => k.OwnerEmail == Demo.Rep1);
    }

    [Fact]
    public async Task APerson_CannotRevokeSomeoneElsesKey()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        await using var rep2 = await app.SignedInAsAsync(Demo.Rep2);
        var rep2Key = (await rep2.ServiceProvider.GetRequiredService<IApiKeyService>().CreateAsync(new CreateApiKeyRequest { Name = "Rep2 script" }, Ct)).Value;

        var result = await rep1.ServiceProvider.GetRequiredService<IApiKeyService>().RevokeAsync(rep2Key.Key.Id, Ct);

        result.Kind.ShouldBe(ResultKind.Forbidden);
        (await rep2.ServiceProvider.GetRequiredService<IApiKeyService>().AuthenticateAsync(rep2Key.Secret, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task APerson_CannotListOrCreateKeysForSomeoneElse()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();
        var rep2Id = await UserIdAsync(Demo.Rep2);

        (await keys.ListAsync(rep2Id, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await keys.CreateAsync(new CreateApiKeyRequest { Name = "Sneaky", ForUserId = rep2Id }, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
    }

    [Fact]
    public async Task RevokingAKeyThatDoesNotExist_IsNotFound()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);

        (await rep1.ServiceProvider.GetRequiredService<IApiKeyService>().RevokeAsync(Guid.NewGuid(), Ct)).Kind.ShouldBe(ResultKind.NotFound);
    }

    [Fact]
    public async Task RevokingTwice_IsHarmless_AndTheKeyListsAsRevoked()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();
        var created = (await keys.CreateAsync(new CreateApiKeyRequest { Name = "Short-lived" }, Ct)).Value;

        (await keys.RevokeAsync(created.Key.Id, Ct)).Succeeded.ShouldBeTrue();
        (await keys.RevokeAsync(created.Key.Id, Ct)).Succeeded.ShouldBeTrue();

        var listed = (await keys.ListAsync(ct: Ct)).Value.Single(k => k.Id == created.Key.Id);
        listed.Active.ShouldBeFalse();
        listed.RevokedAt.ShouldNotBeNull();
        (await keys.AuthenticateAsync(created.Secret, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task AnAdmin_ManagesAServiceAccountsKeys()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var serviceAccount = (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = Demo.UniqueEmail("webform"), DisplayName = "Web form", Roles = [Roles.MarketingManager], IsServiceAccount = true,
        }, Ct)).Value;
        var keys = admin.ServiceProvider.GetRequiredService<IApiKeyService>();

        var created = await keys.CreateAsync(new CreateApiKeyRequest { Name = "Production", ForUserId = serviceAccount.Id }, Ct);

        created.Succeeded.ShouldBeTrue();
        created.Value.Key.OwnerEmail.ShouldBe(serviceAccount.Email);
        var owner = (await keys.AuthenticateAsync(created.Value.Secret, Ct)).ShouldNotBeNull();
        owner.Email.ShouldBe(serviceAccount.Email);
        owner.Roles.ShouldBe([Roles.MarketingManager]);

        (await keys.ListAsync(serviceAccount.Id, Ct)).Value.ShouldHaveSingleItem().Id.ShouldBe(created.Value.Key.Id);
        (await keys.ListAsync(ct: Ct)).Value.ShouldNotContain(k => k.Id == created.Value.Key.Id);

        (await keys.RevokeAsync(created.Value.Key.Id, Ct)).Succeeded.ShouldBeTrue();
        (await keys.AuthenticateAsync(created.Value.Secret, Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task AnAdmin_CannotManageAPersonsKeys()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var rep1Key = (await rep1.ServiceProvider.GetRequiredService<IApiKeyService>().CreateAsync(new CreateApiKeyRequest { Name = "Rep1 own" }, Ct)).Value;
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var keys = admin.ServiceProvider.GetRequiredService<IApiKeyService>();
        var rep1Id = await UserIdAsync(Demo.Rep1);

        (await keys.ListAsync(rep1Id, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await keys.CreateAsync(new CreateApiKeyRequest { Name = "For rep1", ForUserId = rep1Id }, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await keys.RevokeAsync(rep1Key.Key.Id, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await keys.AuthenticateAsync(rep1Key.Secret, Ct)).ShouldNotBeNull();
    }

    [Fact]
    public async Task UsingAKey_RecordsWhenItWasLastUsed()
    {
        await using var rep1 = await app.SignedInAsAsync(Demo.Rep1);
        var keys = rep1.ServiceProvider.GetRequiredService<IApiKeyService>();
        var created = (await keys.CreateAsync(new CreateApiKeyRequest { Name = "Used once" }, Ct)).Value;
        created.Key.LastUsedAt.ShouldBeNull();

        await keys.AuthenticateAsync(created.Secret, Ct);

        (await keys.ListAsync(ct: Ct)).Value.Single(k => k.Id == created.Key.Id).LastUsedAt.ShouldNotBeNull();
    }

    // Every column of every row, as text (blobs also decoded as UTF-8), straight from SQLite.
    private async Task<List<string>> EveryValueInTheApiKeysTableAsync()
    {
        var values = new List<string>();
        await using var connection = new SqliteConnection(app.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM ApiKeys";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                switch (reader.GetValue(i))
                {
                    case byte[] bytes:
                        values.Add(Encoding.UTF8.GetString(bytes));
                        values.Add(Convert.ToBase64String(bytes));
                        break;
                    case var other:
                        values.Add(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "");
                        break;
                }
            }
        }

        values.Count.ShouldBeGreaterThan(0);
        return values;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.OpenDatabase();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }
}
