using System.Security.Cryptography;

namespace ApprovalCenter.Workflow;

/// <summary>Makes bookmark resume tokens. Injectable so tests can be deterministic.</summary>
public interface IResumeTokenSource
{
    string NewToken();
}

/// <summary>128 random bits from the OS CSPRNG, base64url without padding (22 characters).</summary>
public sealed class RandomResumeTokens : IResumeTokenSource
{
    public static readonly RandomResumeTokens Instance = new();

    public string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(16));

    public static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
