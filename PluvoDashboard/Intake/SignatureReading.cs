namespace PluvoDashboard.Intake;

/// <summary>How the HMAC key was made from the salt and the webhook key.</summary>
public enum KeyDerivation
{
    /// <summary><c>SHA1(salt + key)</c>, the raw 20-byte digest: Pluvo's developer docs.</summary>
    Sha1OfSaltAndKey,

    /// <summary><c>UTF8(salt + key)</c> used as the HMAC key directly: the shorter public page.</summary>
    SaltAndKey,
}

/// <summary>How the MAC was written into <c>X-Signature</c>.</summary>
public enum SignatureEncoding
{
    Base64Url,
    Base64,
    Hex,
}

/// <summary>One way of reading Pluvo's signature: a key derivation and an encoding.</summary>
public readonly record struct SignatureReading(KeyDerivation Derivation, SignatureEncoding Encoding)
{
    /// <summary>The reading Pluvo's developer docs describe, and the one this app signs with.</summary>
    public static SignatureReading Documented { get; } =
        new(KeyDerivation.Sha1OfSaltAndKey, SignatureEncoding.Base64Url);

    private static readonly string[] Names =
    [
        "sha1-key/base64url", "sha1-key/base64", "sha1-key/hex",
        "plain-key/base64url", "plain-key/base64", "plain-key/hex",
    ];

    /// <summary>A short stable name, stored with each delivery, e.g. <c>sha1-key/base64url</c>.</summary>
    public override string ToString() => Names[(int)Derivation * 3 + (int)Encoding];
}

/// <summary>The outcome of a signature check: which reading and which configured key matched.</summary>
/// <param name="KeyName"><c>current</c>, or <c>previous-1</c>, <c>previous-2</c>, ... for rotated keys.</param>
public sealed record SignatureMatch(SignatureReading Reading, string KeyName);
