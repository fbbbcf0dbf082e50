using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.ApiKeys;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Api;

/// <summary>The /api/v1 contract of product.md: X-Api-Key, camelCase JSON, problem details for 401/403/404.</summary>
public sealed class ApiAuthenticationTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheAdminsKey_GetsItsOwnUser()
    {
        var response = await app.ApiClient("demo-admin").GetAsync("/api/v1/me", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await JsonBody(response);
        PropertyNames(me).ShouldBe(["displayName", "email", "roles"], ignoreOrder: true);
        me.GetProperty("email").GetString().ShouldBe(Demo.Admin);
        me.GetProperty("displayName").GetString().ShouldBe("Ada Admin");
        Strings(me.GetProperty("roles")).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task ARepsKey_GetsTheRepNotSomeoneElse()
    {
        var response = await app.ApiClient("demo-rep1").GetAsync("/api/v1/me", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var me = await JsonBody(response);
        me.GetProperty("email").GetString().ShouldBe(Demo.Rep1);
        me.GetProperty("displayName").GetString().ShouldBe("Riley Rep");
        Strings(me.GetProperty("roles")).ShouldBe([Roles.SalesRep]);
    }

    [Fact]
    public async Task TheAdminsKey_ListsEveryUserWithTheDocumentedFields()
    {
        var response = await app.ApiClient("demo-admin").GetAsync("/api/v1/users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var users = (await JsonBody(response)).EnumerateArray().ToList();
        var emails = users.Select(u => u.GetProperty("email").GetString()).ToList();
        Demo.Emails.ShouldAllBe(email => emails.Contains(email));
        users.ShouldAllBe(u => PropertyNames(u).SetEquals(new[] { "email", "displayName", "roles", "active" }));
        var leadership = users.Single(u => u.GetProperty("email").GetString() == Demo.Leadership);
        leadership.GetProperty("displayName").GetString().ShouldBe("Lee Leadership");
        Strings(leadership.GetProperty("roles")).ShouldBe([Roles.Leadership]);
        leadership.GetProperty("active").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ARepsKey_IsForbiddenFromTheUserList_WithProblemDetails()
    {
        var response = await app.ApiClient("demo-rep1").GetAsync("/api/v1/users", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await ShouldBeProblem(response, 403);
    }

    [Theory]
    [InlineData("demo-nobody")]
    [InlineData("smk_thisKeyWasNeverIssuedToAnyone")]
    public async Task AWrongKey_IsUnauthorized_WithProblemDetails(string key)
    {
        var response = await app.ApiClient(key).GetAsync("/api/v1/me", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeProblem(response, 401);
    }

    [Fact]
    public async Task AMissingKey_IsUnauthorized_WithProblemDetails_NotARedirectToSignIn()
    {
        var response = await app.ApiClient(apiKey: null).GetAsync("/api/v1/me", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
        await ShouldBeProblem(response, 401);
    }

    [Fact]
    public async Task AKeyRevokedByItsOwner_StopsWorking()
    {
        CreatedApiKey created;
        await using (var rep2 = await app.SignedInAsAsync(Demo.Rep2))
        {
            created = (await rep2.ServiceProvider.GetRequiredService<IApiKeyService>()
                .CreateAsync(new CreateApiKeyRequest { Name = "Laptop script" }, Ct)).Value;
        }

        var client = app.ApiClient(created.Secret);
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var rep2 = await app.SignedInAsAsync(Demo.Rep2))
        {
            (await rep2.ServiceProvider.GetRequiredService<IApiKeyService>().RevokeAsync(created.Key.Id, Ct)).Succeeded.ShouldBeTrue();
        }

        var afterRevoke = await client.GetAsync("/api/v1/me", Ct);
        afterRevoke.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeProblem(afterRevoke, 401);
    }

    [Fact]
    public async Task ADeactivatedUsersKey_StopsWorking()
    {
        var email = Demo.UniqueEmail("leaver");
        string userId;
        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            userId = (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
            {
                Email = email, DisplayName = "Leaving Soon", Password = "Leaving-Soon1", Roles = [Roles.SalesRep],
            }, Ct)).Value.Id;
        }

        string secret;
        await using (var leaver = await app.SignedInAsAsync(email))
        {
            secret = (await leaver.ServiceProvider.GetRequiredService<IApiKeyService>()
                .CreateAsync(new CreateApiKeyRequest { Name = "CRM sync" }, Ct)).Value.Secret;
        }

        var client = app.ApiClient(secret);
        (await client.GetAsync("/api/v1/me", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using (var admin = await app.SignedInAsAsync(Demo.Admin))
        {
            (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(userId, active: false, Ct)).Succeeded.ShouldBeTrue();
        }

        var afterDeactivation = await client.GetAsync("/api/v1/me", Ct);
        afterDeactivation.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await ShouldBeProblem(afterDeactivation, 401);
    }

    [Fact]
    public async Task AnUnknownApiPath_IsNotFound_AsProblemDetailsNotAnHtmlPage()
    {
        var response = await app.ApiClient("demo-admin").GetAsync("/api/v1/no-such-thing", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await ShouldBeProblem(response, 404);
    }

    [Fact]
    public async Task AnUnknownApiPath_WithoutAKey_IsStillNotAnHtmlPage()
    {
        var response = await app.ApiClient(apiKey: null).GetAsync("/api/v1/no-such-thing", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("text/html");
    }

    private static async Task<JsonElement> JsonBody(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
    }

    private static async Task ShouldBeProblem(HttpResponseMessage response, int status)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    private static HashSet<string> PropertyNames(JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();
}
