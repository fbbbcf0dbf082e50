using Smarketing.Application.Common;
using Smarketing.Application.Users;
using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Users;

public sealed class ChangeRolesRequestValidatorTests
{
    private static async Task<IReadOnlyDictionary<string, string[]>> ErrorsFor(ChangeRolesRequest request)
    {
        var result = await new ChangeRolesRequestValidator().CheckAsync(request, TestContext.Current.CancellationToken);
        return result?.Errors ?? new Dictionary<string, string[]>();
    }

    [Fact]
    public async Task ChangingAUserToSeveralKnownRoles_IsValid()
    {
        var request = new ChangeRolesRequest { UserId = "u1", Roles = [Roles.SalesRep, Roles.SalesManager], Team = "West" };

        (await ErrorsFor(request)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RemovingEveryRole_NamesTheRolesField()
    {
        var errors = await ErrorsFor(new ChangeRolesRequest { UserId = "u1", Roles = [] });

        errors.Keys.ShouldBe([nameof(ChangeRolesRequest.Roles)]);
        errors["Roles"].ShouldBe(["Choose at least one role."]);
    }

    [Fact]
    public async Task AnUnknownRole_IsNamed()
    {
        var errors = await ErrorsFor(new ChangeRolesRequest { UserId = "u1", Roles = ["Intern"] });

        errors.Keys.ShouldBe([nameof(ChangeRolesRequest.Roles)]);
        errors["Roles"].ShouldHaveSingleItem().ShouldStartWith("Unknown role: Intern.");
    }

    [Fact]
    public async Task NoUser_NamesTheUserField()
    {
        var errors = await ErrorsFor(new ChangeRolesRequest { UserId = "", Roles = [Roles.Admin] });

        errors.Keys.ShouldBe([nameof(ChangeRolesRequest.UserId)]);
        errors["UserId"].ShouldBe(["User is required."]);
    }

    [Fact]
    public async Task ATeamNameOver50Characters_IsNamed()
    {
        var errors = await ErrorsFor(new ChangeRolesRequest { UserId = "u1", Roles = [Roles.SalesRep], Team = new string('t', 51) });

        errors.Keys.ShouldBe([nameof(ChangeRolesRequest.Team)]);
    }
}
