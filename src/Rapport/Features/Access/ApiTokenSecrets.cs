using System.Security.Cryptography;
using System.Text;

namespace Rapport.Features.Access;

/// <summary>Makes and hashes API token secrets. Tokens carry 256 random bits, so a fast hash is enough.</summary>
public static class ApiTokenSecrets
{
    public const string Prefix = "rpt_";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string Visible(string token) => token[..Math.Min(token.Length, 10)];
}
