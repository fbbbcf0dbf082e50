using Smarketing.Application.Common;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Users;

public sealed class CreateUserRequestValidatorTests
{
    private static CreateUserRequest ValidPerson() => new()
    {
        Email = "new.rep@demo.test",
        DisplayName = "New Rep",
        Password = "Sunny-Day7",
        Roles = [Roles.SalesRep],
        Team = "East",
    };

    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(CreateUserRequest request, IUserLookup? users = null)
    {
        var result = await new CreateUserRequestValidator(users ?? new FakeUserLookup()).CheckAsync(request, TestContext.Current.CancellationToken);
        return result?.Errors ?? new Dictionary<string, string[]>();
    }

    [Fact]
    public async Task AWellFormedPerson_HasNoErrors()
    {
        (await ErrorsFor(ValidPerson())).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AnEmptyEmail_NamesOnlyTheEmailField(string email)
    {
        var request = ValidPerson();
        request.Email = email;

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Email)]);
        errors["Email"].ShouldBe(["Email is required."]);
    }

    [Theory]
    [InlineData("no-at-sign.test")]
    [InlineData("@demo.test")]
    [InlineData("rep@")]
    [InlineData("rep@localhost")]
    [InlineData("rep@demo.test.")]
    [InlineData("two@at@demo.test")]
    [InlineData("rep one@demo.test")]
    public async Task AMalformedEmail_IsNamedWithAnExample(string email)
    {
        var request = ValidPerson();
        request.Email = email;

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Email)]);
        errors["Email"].ShouldBe(["Email must be an address like name@company.com."]);
    }

    [Fact]
    public async Task AnEmailLongerThanTheColumn_IsRefused()
    {
        var request = ValidPerson();
        request.Email = new string('a', CreateUserRequestValidator.MaxEmailLength) + "@demo.test";

        var errors = await ErrorsFor(request);

        errors["Email"].ShouldBe([$"Email must be at most {CreateUserRequestValidator.MaxEmailLength} characters."]);
    }

    [Fact]
    public async Task SurroundingSpacesInTheEmail_AreAccepted()
    {
        var request = ValidPerson();
        request.Email = "  new.rep@demo.test  ";

        (await ErrorsFor(request)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("rep1@demo.test")]
    [InlineData("REP1@Demo.Test")]
    [InlineData("  rep1@demo.test ")]
    public async Task AnEmailAnotherUserHas_IsNamedAsADuplicate(string email)
    {
        var request = ValidPerson();
        request.Email = email;

        var errors = await ErrorsFor(request, new FakeUserLookup("rep1@demo.test"));

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Email)]);
        errors["Email"].ShouldHaveSingleItem().ShouldBe($"Email {email.Trim()} already belongs to another user.");
    }

    [Fact]
    public async Task AMalformedEmail_IsNotLookedUpInTheDatabase()
    {
        var users = new FakeUserLookup();
        var request = ValidPerson();
        request.Email = "not-an-email";

        await ErrorsFor(request, users);

        users.Asked.ShouldBeEmpty();
    }

    [Fact]
    public async Task AMissingPassword_IsRequiredForAPerson()
    {
        var request = ValidPerson();
        request.Password = null;

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Password)]);
        errors["Password"].ShouldBe(["Password is required."]);
    }

    [Theory]
    [InlineData("Sun-ny7", "at least 8 characters")]
    [InlineData("sunny-day7", "upper-case letter")]
    [InlineData("SUNNY-DAY7", "lower-case letter")]
    [InlineData("Sunny-Days", "digit")]
    [InlineData("SunnyDay77", "symbol")]
    public async Task AWeakPassword_NamesThePasswordFieldAndWhatIsMissing(string password, string missing)
    {
        var request = ValidPerson();
        request.Password = password;

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Password)]);
        errors["Password"].ShouldHaveSingleItem().ShouldContain(missing);
    }

    [Fact]
    public async Task APasswordMissingEverything_ListsEveryRuleItBreaks()
    {
        var request = ValidPerson();
        request.Password = "abc";

        var errors = await ErrorsFor(request);

        errors["Password"].Length.ShouldBe(4);
        errors["Password"].ShouldContain(m => m.Contains("8 characters"));
        errors["Password"].ShouldContain(m => m.Contains("upper-case"));
        errors["Password"].ShouldContain(m => m.Contains("digit"));
        errors["Password"].ShouldContain(m => m.Contains("symbol"));
    }

    [Fact]
    public async Task AServiceAccount_NeedsNoPassword()
    {
        var request = ValidPerson();
        request.IsServiceAccount = true;
        request.Password = null;

        (await ErrorsFor(request)).ShouldBeEmpty();
    }

    [Fact]
    public async Task NoRole_NamesTheRolesField()
    {
        var request = ValidPerson();
        request.Roles = [];

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Roles)]);
        errors["Roles"].ShouldBe(["Choose at least one role."]);
    }

    [Fact]
    public async Task ANullRoleList_NamesTheRolesField()
    {
        var request = ValidPerson();
        request.Roles = null!;

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Roles)]);
        errors["Roles"].ShouldBe(["Choose at least one role."]);
    }

    [Theory]
    [InlineData("Wizard")]
    [InlineData("admin")]
    public async Task AnUnknownRole_IsNamedAndTheKnownRolesListed(string role)
    {
        var request = ValidPerson();
        request.Roles = [Roles.SalesRep, role];

        var errors = await ErrorsFor(request);

        errors.Keys.ShouldBe([nameof(CreateUserRequest.Roles)]);
        var message = errors["Roles"].ShouldHaveSingleItem();
        message.ShouldStartWith($"Unknown role: {role}.");
        message.ShouldContain(string.Join(", ", Roles.All));
    }

    [Fact]
    public async Task EveryKnownRole_IsAccepted()
    {
        var request = ValidPerson();
        request.Roles = [.. Roles.All];

        (await ErrorsFor(request)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AMissingOrOverlongDisplayName_IsNamed()
    {
        var missing = ValidPerson();
        missing.DisplayName = "";
        var overlong = ValidPerson();
        overlong.DisplayName = new string('x', CreateUserRequestValidator.MaxDisplayNameLength + 1);
        var longest = ValidPerson();
        longest.DisplayName = new string('x', CreateUserRequestValidator.MaxDisplayNameLength);

        (await ErrorsFor(missing))["DisplayName"].ShouldBe(["Display name is required."]);
        (await ErrorsFor(overlong))["DisplayName"].ShouldBe([$"Display name must be at most {CreateUserRequestValidator.MaxDisplayNameLength} characters."]);
        (await ErrorsFor(longest)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ATeamNameOver50Characters_IsNamed()
    {
        var request = ValidPerson();
        request.Team = new string('t', 51);

        (await ErrorsFor(request))["Team"].ShouldBe(["Team must be at most 50 characters."]);
    }

    [Fact]
    public async Task ARequestWrongEverywhere_NamesEveryBadField()
    {
        var request = new CreateUserRequest { Email = "nope", DisplayName = "", Password = "weak", Roles = [], Team = new string('t', 60) };

        var errors = await ErrorsFor(request);

        errors.Keys.Order().ShouldBe(["DisplayName", "Email", "Password", "Roles", "Team"]);
    }
}
