using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PluvoDashboard.Intake;

/// <summary>
/// Checks Pluvo's <c>X-Signature</c> against every documented reading (two key derivations, three
/// encodings) and every configured key. MACs are compared as raw bytes in constant time.
/// </summary>
public static class SignatureVerifier
{
    private const int MacLength = 20;
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// <summary>Signs a body the way Pluvo's developer docs describe: HMAC-SHA1 keyed with SHA1(salt + key),
    /// written as unpadded base64url.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string salt, string webhookKey)
    {
        Span<byte> mac = stackalloc byte[MacLength];
        ComputeMac(KeyDerivation.Sha1OfSaltAndKey, salt, webhookKey, body, mac);
        return Base64Url.EncodeToString(mac);
    }

    /// <summary>Finds the reading and key that produced <paramref name="signature"/>, or null when none did.</summary>
    /// <param name="keys">The current key first, then the previous keys in order.</param>
    public static SignatureMatch? Verify(
        ReadOnlySpan<byte> body,
        string signature,
        string salt,
        IReadOnlyList<string> keys)
    {
        Span<byte> fromBase64 = stackalloc byte[MacLength];
        Span<byte> fromHex = stackalloc byte[MacLength];
        var base64Encoding = TryDecodeBase64(signature.AsSpan().Trim(), fromBase64);
        var hexDecoded = TryDecodeHex(signature.AsSpan().Trim(), fromHex);
        if (base64Encoding is null && !hexDecoded)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[MacLength];
        for (var i = 0; i < keys.Count; i++)
        {
            foreach (var derivation in Derivations)
            {
                ComputeMac(derivation, salt, keys[i], body, expected);

                // Both comparisons always run, so the time taken does not tell which encoding was tried.
                var base64Matches = base64Encoding is not null
                    && CryptographicOperations.FixedTimeEquals(expected, fromBase64);
                var hexMatches = hexDecoded && CryptographicOperations.FixedTimeEquals(expected, fromHex);
                if (base64Matches | hexMatches)
                {
                    var encoding = hexMatches ? SignatureEncoding.Hex : base64Encoding!.Value;
                    return new SignatureMatch(new SignatureReading(derivation, encoding), KeyName(i));
                }
            }
        }

        return null;
    }

    private static readonly KeyDerivation[] Derivations = [KeyDerivation.Sha1OfSaltAndKey, KeyDerivation.SaltAndKey];

    private static string KeyName(int index) => index == 0 ? "current" : $"previous-{index}";

    private static void ComputeMac(
        KeyDerivation derivation,
        string salt,
        string webhookKey,
        ReadOnlySpan<byte> body,
        Span<byte> mac)
    {
        var length = Encoding.UTF8.GetByteCount(salt) + Encoding.UTF8.GetByteCount(webhookKey);
        var onHeap = length > 256 ? new byte[length] : null;
        var saltAndKey = onHeap is null ? stackalloc byte[length] : onHeap;
        var saltLength = Encoding.UTF8.GetBytes(salt, saltAndKey);
        Encoding.UTF8.GetBytes(webhookKey, saltAndKey[saltLength..]);
        try
        {
            if (derivation == KeyDerivation.Sha1OfSaltAndKey)
            {
                Span<byte> derived = stackalloc byte[MacLength];
                SHA1.HashData(saltAndKey, derived);
                HMACSHA1.HashData(derived, body, mac);
                CryptographicOperations.ZeroMemory(derived);
            }
            else
            {
                HMACSHA1.HashData(saltAndKey, body, mac);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(saltAndKey);
        }
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not, into exactly 20 bytes.</summary>
    private static SignatureEncoding? TryDecodeBase64(ReadOnlySpan<char> text, Span<byte> mac)
    {
        // 20 bytes are 27 characters unpadded, 28 with one '='.
        if (text.Length is not (27 or 28))
        {
            return null;
        }

        var urlSafe = text.ContainsAny('-', '_');
        var standard = text.ContainsAny('+', '/') || text[^1] == '=';
        if (urlSafe && standard)
        {
            return null;
        }

        Span<char> padded = stackalloc char[28];
        text.CopyTo(padded);
        for (var i = 0; i < text.Length; i++)
        {
            padded[i] = padded[i] switch { '-' => '+', '_' => '/', var c => c };
        }

        if (text.Length == 27)
        {
            padded[27] = '=';
        }

        // 20 bytes fill 160 of the 162 bits of 27 characters: the last character's two low bits must be
        // zero, or a decoder would accept several spellings of one signature.
        var lastIndex = Base64Alphabet.IndexOf(padded[26]);
        if (lastIndex < 0 || (lastIndex & 0b11) != 0)
        {
            return null;
        }

        if (!Convert.TryFromBase64Chars(padded, mac, out var written) || written != MacLength)
        {
            return null;
        }

        return standard ? SignatureEncoding.Base64 : SignatureEncoding.Base64Url;
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> text, Span<byte> mac) =>
        text.Length == MacLength * 2 && Convert.FromHexString(text, mac, out _, out var written) ==
            System.Buffers.OperationStatus.Done && written == MacLength;
}
