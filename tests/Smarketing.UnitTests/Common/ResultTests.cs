using Smarketing.Domain.Common;

namespace Smarketing.UnitTests.Common;

public sealed class ResultTests
{
    [Fact]
    public void ASuccess_HasNoMessageAndNoErrors()
    {
        var result = Result.Success();

        result.Succeeded.ShouldBeTrue();
        result.Kind.ShouldBe(ResultKind.Success);
        result.Message.ShouldBeNull();
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AnInvalidResult_CarriesItsMessagesPerField()
    {
        var result = Result.Invalid("Email", "Email is required.");

        result.Succeeded.ShouldBeFalse();
        result.Kind.ShouldBe(ResultKind.Invalid);
        result.Message.ShouldBe("Some fields need attention.");
        result.Errors["Email"].ShouldBe(["Email is required."]);
    }

    [Theory]
    [InlineData(ResultKind.NotFound)]
    [InlineData(ResultKind.Forbidden)]
    [InlineData(ResultKind.Conflict)]
    public void AFailureWithAMessage_KeepsItsKindAndMessage(ResultKind kind)
    {
        var result = kind switch
        {
            ResultKind.NotFound => Result.NotFound("gone"),
            ResultKind.Forbidden => Result.Forbidden("gone"),
            _ => Result.Conflict("gone"),
        };

        result.Succeeded.ShouldBeFalse();
        result.Kind.ShouldBe(kind);
        result.Message.ShouldBe("gone");
        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AValue_BecomesASuccessfulResultThatReturnsIt()
    {
        Result<int> implicitly = 42;
        var explicitly = Result<string>.Ok("lead");

        implicitly.Succeeded.ShouldBeTrue();
        implicitly.Value.ShouldBe(42);
        explicitly.Value.ShouldBe("lead");
        explicitly.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void AFailedTypedResult_KeepsTheFailuresKindMessageAndErrors()
    {
        var failure = Result.Invalid(new Dictionary<string, string[]> { ["Name"] = ["Name is required."], ["Roles"] = ["Choose at least one role."] });

        var typed = Result<string>.Fail(failure);

        typed.Succeeded.ShouldBeFalse();
        typed.Kind.ShouldBe(ResultKind.Invalid);
        typed.Message.ShouldBe(failure.Message);
        typed.Errors.Keys.Order().ShouldBe(["Name", "Roles"]);
    }

    [Fact]
    public void ReadingTheValueOfAFailure_ThrowsAndSaysWhy()
    {
        var typed = Result<string>.Fail(Result.Forbidden("Only an admin can manage users."));

        var error = Should.Throw<InvalidOperationException>(() => typed.Value);

        error.Message.ShouldContain("Forbidden");
        error.Message.ShouldContain("Only an admin can manage users.");
    }

    [Fact]
    public void MakingAFailedTypedResultFromASuccess_IsABug()
    {
        Should.Throw<ArgumentException>(() => Result<string>.Fail(Result.Success()));
    }
}
