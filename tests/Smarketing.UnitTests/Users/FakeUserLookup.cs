using Smarketing.Application.Users;

namespace Smarketing.UnitTests.Users;

/// <summary>Answers "is this email taken?" from a fixed list, case-insensitively like Identity's normalised emails.</summary>
internal sealed class FakeUserLookup(params string[] takenEmails) : IUserLookup
{
    public List<string> Asked { get; } = [];

    public Task<bool> EmailInUseAsync(string email, CancellationToken ct = default)
    {
        Asked.Add(email);
        return Task.FromResult(takenEmails.Contains(email, StringComparer.OrdinalIgnoreCase));
    }
}
