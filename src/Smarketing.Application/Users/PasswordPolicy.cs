namespace Smarketing.Application.Users;

/// <summary>The password rules, shared by the validator and the Identity options so the two never disagree.</summary>
public static class PasswordPolicy
{
    public const int MinimumLength = 8;

    public static IEnumerable<string> Problems(string password)
    {
        if (password.Length < MinimumLength)
        {
            yield return $"Password must be at least {MinimumLength} characters long.";
        }

        if (!password.Any(char.IsUpper))
        {
            yield return "Password must contain an upper-case letter.";
        }

        if (!password.Any(char.IsLower))
        {
            yield return "Password must contain a lower-case letter.";
        }

        if (!password.Any(char.IsDigit))
        {
            yield return "Password must contain a digit.";
        }

        if (password.All(char.IsLetterOrDigit))
        {
            yield return "Password must contain a symbol such as ! or #.";
        }
    }
}
