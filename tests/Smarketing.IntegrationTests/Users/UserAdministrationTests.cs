using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;
using Smarketing.Infrastructure.Identity;
using Smarketing.IntegrationTests.Support;

namespace Smarketing.IntegrationTests.Users;

/// <summary>IUserAdministration as the admin pages use it, on the real database and Identity.</summary>
public sealed class UserAdministrationTests(SmarketingAppFactory app) : IClassFixture<SmarketingAppFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CreateUserRequest NewRep(string? email = null) => new()
    {
        Email = email ?? Demo.UniqueEmail("rep"),
        DisplayName = "Nina Newrep",
        Password = "Fresh-Start9",
        Roles = [Roles.SalesRep],
        Team = "West",
    };

    [Fact]
    public async Task AnAdminCreatesAUser_WhoCanThenSignInWithTheirPassword()
    {
        var request = NewRep();
        await using var admin = await app.SignedInAsAsync(Demo.Admin);

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(request, Ct);

        result.Succeeded.ShouldBeTrue(string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        result.Value.Email.ShouldBe(request.Email);
        result.Value.Roles.ShouldBe([Roles.SalesRep]);
        result.Value.Active.ShouldBeTrue();
        result.Value.Team.ShouldBe("West");

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByEmailAsync(request.Email)).ShouldNotBeNull();
        (await users.GetRolesAsync(user)).ShouldBe([Roles.SalesRep]);
        var signIn = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false);
        signIn.Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task ANewUser_IsStampedWithTheAdminWhoCreatedThem()
    {
        var request = NewRep();
        await using var admin = await app.SignedInAsAsync(Demo.Admin);

        (await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(request, Ct)).Succeeded.ShouldBeTrue();

        await using var db = app.OpenDatabase();
        var stored = await db.Users.SingleAsync(u => u.Email == request.Email, Ct);
        stored.CreatedBy.ShouldBe(Demo.Admin);
    }

    [Fact]
    public async Task AnInvalidRequest_NamesEveryBadField_AndWritesNothing()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var before = await CountUsersAsync();

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = "not an email",
            DisplayName = "",
            Password = "short",
            Roles = ["Wizard"],
        }, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.Order().ShouldBe(["DisplayName", "Email", "Password", "Roles"]);
        (await CountUsersAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("rep1@demo.test")]
    [InlineData("REP1@DEMO.TEST")]
    public async Task ADuplicateEmail_IsRefusedNamingTheEmailField(string email)
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var before = await CountUsersAsync();

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(NewRep(email), Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([nameof(CreateUserRequest.Email)]);
        result.Errors["Email"].ShouldHaveSingleItem().ShouldContain("already belongs to another user");
        (await CountUsersAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task APasswordOurPolicyAcceptsButIdentityRefuses_IsStillNamedOnThePasswordField()
    {
        // PasswordPolicy counts "Ñ" as upper case (char.IsUpper); Identity only counts A-Z. The service must still
        // answer with a field error and write nothing, not half a user.
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var before = await CountUsersAsync();
        var request = NewRep();
        request.Password = "Ñandu-ñandu-1";

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(request, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([nameof(CreateUserRequest.Password)]);
        (await CountUsersAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("rep1@demo.test")]
    [InlineData("leadership@demo.test")]
    public async Task ANonAdmin_IsForbiddenFromEveryAdminAction(string email)
    {
        await using var someone = await app.SignedInAsAsync(email);
        var administration = someone.ServiceProvider.GetRequiredService<IUserAdministration>();
        var rep2 = await UserIdAsync(Demo.Rep2);
        var before = await CountUsersAsync();

        (await administration.ListAsync(Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await administration.CreateAsync(NewRep(), Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await administration.ChangeRolesAsync(new ChangeRolesRequest { UserId = rep2, Roles = [Roles.Admin] }, Ct)).Kind.ShouldBe(ResultKind.Forbidden);
        (await administration.SetActiveAsync(rep2, active: false, Ct)).Kind.ShouldBe(ResultKind.Forbidden);

        (await CountUsersAsync()).ShouldBe(before);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var stored = (await users.FindByIdAsync(rep2))!;
        stored.IsActive.ShouldBeTrue();
        (await users.GetRolesAsync(stored)).ShouldBe([Roles.SalesRep]);
    }

    [Fact]
    public async Task ChangingRoles_ReplacesTheOldRolesAndTeam()
    {
        var request = NewRep();
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var administration = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
        var id = (await administration.CreateAsync(request, Ct)).Value.Id;

        var result = await administration.ChangeRolesAsync(
            new ChangeRolesRequest { UserId = id, Roles = [Roles.SalesManager, Roles.Leadership], Team = null }, Ct);

        result.Succeeded.ShouldBeTrue();
        var listed = (await administration.ListAsync(Ct)).Value.Single(u => u.Id == id);
        listed.Roles.ShouldBe([Roles.Leadership, Roles.SalesManager]);
        listed.Team.ShouldBeNull();
    }

    [Fact]
    public async Task ChangingRolesToNone_IsRefusedAndKeepsTheOldRoles()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var administration = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
        var id = (await administration.CreateAsync(NewRep(), Ct)).Value.Id;

        var result = await administration.ChangeRolesAsync(new ChangeRolesRequest { UserId = id, Roles = [] }, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ChangeRolesRequest.Roles)]);
        (await administration.ListAsync(Ct)).Value.Single(u => u.Id == id).Roles.ShouldBe([Roles.SalesRep]);
    }

    [Fact]
    public async Task AnAdmin_CannotTakeTheAdminRoleFromThemselves()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var adminId = await UserIdAsync(Demo.Admin);

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>()
            .ChangeRolesAsync(new ChangeRolesRequest { UserId = adminId, Roles = [Roles.Leadership] }, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors.Keys.ShouldBe([nameof(ChangeRolesRequest.Roles)]);
    }

    [Fact]
    public async Task ChangingRolesOfSomeoneWhoDoesNotExist_IsNotFound()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>()
            .ChangeRolesAsync(new ChangeRolesRequest { UserId = Guid.NewGuid().ToString(), Roles = [Roles.SalesRep] }, Ct);

        result.Kind.ShouldBe(ResultKind.NotFound);
    }

    [Fact]
    public async Task DeactivatingAUser_StopsTheirSignIn_AndKeepsTheirAccount()
    {
        var request = NewRep();
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var administration = admin.ServiceProvider.GetRequiredService<IUserAdministration>();
        var id = (await administration.CreateAsync(request, Ct)).Value.Id;

        (await administration.SetActiveAsync(id, active: false, Ct)).Succeeded.ShouldBeTrue();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id)).ShouldNotBeNull();
            user.IsActive.ShouldBeFalse();
            var signIn = await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
                .CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false);
            signIn.IsNotAllowed.ShouldBeTrue();
            signIn.Succeeded.ShouldBeFalse();
        }

        (await administration.ListAsync(Ct)).Value.Single(u => u.Id == id).Active.ShouldBeFalse();

        (await administration.SetActiveAsync(id, active: true, Ct)).Succeeded.ShouldBeTrue();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(id))!;
            (await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
                .CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: false)).Succeeded.ShouldBeTrue();
        }
    }

    [Fact]
    public async Task AnAdmin_CannotDeactivateThemselves()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var adminId = await UserIdAsync(Demo.Admin);

        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync(adminId, active: false, Ct);

        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Errors["Active"].ShouldBe(["You cannot deactivate your own account."]);
        await using var db = app.OpenDatabase();
        (await db.Users.SingleAsync(u => u.Id == adminId, Ct)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task AServiceAccount_IsCreatedWithoutAPassword_AndCanNeverSignIn()
    {
        await using var admin = await app.SignedInAsAsync(Demo.Admin);
        var result = await admin.ServiceProvider.GetRequiredService<IUserAdministration>().CreateAsync(new CreateUserRequest
        {
            Email = Demo.UniqueEmail("website-form"), DisplayName = "Website form", Roles = [Roles.MarketingManager], IsServiceAccount = true,
        }, Ct);

        result.Succeeded.ShouldBeTrue();
        result.Value.IsServiceAccount.ShouldBeTrue();
        await using var scope = app.Services.CreateAsyncScope();
        var user = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByIdAsync(result.Value.Id))!;
        user.PasswordHash.ShouldBeNull();
        (await scope.ServiceProvider.GetRequiredService<SignInManager<AppUser>>()
            .CheckPasswordSignInAsync(user, "anything-At-all1", lockoutOnFailure: false)).Succeeded.ShouldBeFalse();
    }

    private async Task<int> CountUsersAsync()
    {
        await using var db = app.OpenDatabase();
        return await db.Users.CountAsync(Ct);
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var db = app.OpenDatabase();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Ct);
    }
}
