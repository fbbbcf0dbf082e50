using System.Security.Cryptography;
using System.Text;

namespace Smarketing.Infrastructure.Identity;

/// <summary>Makes and hashes API key secrets. Secrets are 192 random bits, so a fast hash is enough (no password stretching needed).</summary>
public static class ApiKeySecrets
{
    public const string SecretPrefix = "smk_";
    public const int DisplayPrefixLength = 8;

    public static string NewSecret() => SecretPrefix + Base64UrlEncode(RandomNumberGenerator.GetBytes(24));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static string DisplayPrefix(string secret) => secret[..Math.Min(DisplayPrefixLength, secret.Length)];

    /// <summary>Constant-time comparison of a presented key's hash with a stored one.</summary>
    public static bool Matches(string presented, byte[] storedHash) =>
        CryptographicOperations.FixedTimeEquals(Hash(presented), storedHash);

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
