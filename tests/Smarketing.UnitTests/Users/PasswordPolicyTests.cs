using Smarketing.Application.Users;

namespace Smarketing.UnitTests.Users;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Demo123!")]
    [InlineData("Correct-Horse-Battery-9")]
    [InlineData("Aa1 aaaa")]
    public void AStrongPassword_HasNoProblems(string password)
    {
        PasswordPolicy.Problems(password).ShouldBeEmpty();
    }

    [Fact]
    public void SevenCharacters_AreOneTooFew()
    {
        PasswordPolicy.Problems("Demo12!").ShouldBe([$"Password must be at least {PasswordPolicy.MinimumLength} characters long."]);
        PasswordPolicy.Problems("Demo123!").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("demo123!", "Password must contain an upper-case letter.")]
    [InlineData("DEMO123!", "Password must contain a lower-case letter.")]
    [InlineData("Demodemo!", "Password must contain a digit.")]
    [InlineData("Demo1234", "Password must contain a symbol such as ! or #.")]
    public void APasswordMissingOnePiece_GetsExactlyThatProblem(string password, string problem)
    {
        PasswordPolicy.Problems(password).ShouldBe([problem]);
    }

    [Fact]
    public void AnEmptyPassword_BreaksEveryRule()
    {
        PasswordPolicy.Problems("").Count().ShouldBe(5);
    }
}
