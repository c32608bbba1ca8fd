using System.Text;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Tests.Intake;

/// <summary>
/// The expected signatures here were computed outside this code base (Python's hmac and hashlib), so the
/// verifier is checked against an independent implementation, not against itself.
/// </summary>
public sealed class SignatureVerifierTests
{
    // The test vector of PLUVO-WEBHOOKS.md.
    private const string VectorKey = "my-webhook-secret";
    private const string VectorSalt = "abc123";
    private static readonly byte[] VectorBody =
        Encoding.UTF8.GetBytes("""{"id":"uuid","event":"USER_CREATED","sentDate":"2020-01-01T10:15:00.000Z"}""");

    // A key longer than HMAC-SHA1's 64-byte block, with characters outside ASCII.
    private const string LongKey = "sleutel-ÄÖÜ-ñandú-日本語-🔑-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
    private const string LongKeySalt = "zoutje-42";
    private static readonly byte[] LongKeyBody = Encoding.UTF8.GetBytes(
        """{"id":"7f1c","event":"COURSE_FINISHED","score":87.5,"user":{"name":"Zoë Ñúñez"},"sentDate":"2026-12-01T08:00:00.000Z"}""");

    [Fact]
    public void SigningTheTestVectorGivesThePublishedSignature()
    {
        Assert.Equal("rjtdfm8HgwdPCRtLsuzDaHqDTyo", SignatureVerifier.Sign(VectorBody, VectorSalt, VectorKey));
    }

    [Theory]
    [InlineData("rjtdfm8HgwdPCRtLsuzDaHqDTyo", "sha1-key/base64url")]
    [InlineData("rjtdfm8HgwdPCRtLsuzDaHqDTyo=", "sha1-key/base64")]
    [InlineData("ae3b5d7e6f0783074f091b4bb2ecc3687a834f2a", "sha1-key/hex")]
    [InlineData("AE3B5D7E6F0783074F091B4BB2ECC3687A834F2A", "sha1-key/hex")]
    [InlineData("_MTTT2JvTjUog2af4aFquYj9caY", "plain-key/base64url")]
    [InlineData("/MTTT2JvTjUog2af4aFquYj9caY=", "plain-key/base64")]
    [InlineData("/MTTT2JvTjUog2af4aFquYj9caY", "plain-key/base64")]
    public void EveryDocumentedReadingOfTheTestVectorIsAcceptedAndNamed(string signature, string reading)
    {
        var match = SignatureVerifier.Verify(VectorBody, signature, VectorSalt, [VectorKey]);

        Assert.NotNull(match);
        Assert.Equal(reading, match.Reading.ToString());
        Assert.Equal("current", match.KeyName);
    }

    [Theory]
    [InlineData("s8PGiqDw2jnkMBvJ3pVhKBKWda8")]
    [InlineData("s8PGiqDw2jnkMBvJ3pVhKBKWda8=")]
    [InlineData("b3c3c68aa0f0da39e4301bc9de956128129675af")]
    public void KeyLongerThanTheHmacBlockWithNonAsciiCharactersVerifies(string signature)
    {
        Assert.True(Encoding.UTF8.GetByteCount(LongKey) > 64);

        var match = SignatureVerifier.Verify(LongKeyBody, signature, LongKeySalt, [LongKey]);

        // Past 64 bytes HMAC hashes its key with SHA-1 itself, so both derivations give the same MAC
        // and the documented reading is the one reported.
        Assert.NotNull(match);
        Assert.Equal(KeyDerivation.Sha1OfSaltAndKey, match.Reading.Derivation);
    }

    [Fact]
    public void SigningWithALongNonAsciiKeyMatchesAnIndependentImplementation()
    {
        Assert.Equal("s8PGiqDw2jnkMBvJ3pVhKBKWda8", SignatureVerifier.Sign(LongKeyBody, LongKeySalt, LongKey));
    }

    [Fact]
    public void PreviousKeyIsAcceptedAndNamedByItsPosition()
    {
        var match = SignatureVerifier.Verify(
            VectorBody, "rjtdfm8HgwdPCRtLsuzDaHqDTyo", VectorSalt, ["new-key", "older-key", VectorKey]);

        Assert.NotNull(match);
        Assert.Equal("previous-2", match.KeyName);
    }

    [Theory]
    [InlineData("rjtdfm8HgwdPCRtLsuzDaHqDTyp")]
    [InlineData("rjtdfm8HgwdPCRtLsuzDaHqDTy")]
    [InlineData("ae3b5d7e6f0783074f091b4bb2ecc3687a834f2b")]
    [InlineData("")]
    [InlineData("not a signature at all")]
    [InlineData("rjtdfm8Hgwd+CRtLsuzDaHq_Tyo")]
    public void AlteredOrMalformedSignatureIsRefused(string signature)
    {
        Assert.Null(SignatureVerifier.Verify(VectorBody, signature, VectorSalt, [VectorKey]));
    }

    [Fact]
    public void DifferentSaltIsRefused()
    {
        Assert.Null(SignatureVerifier.Verify(VectorBody, "rjtdfm8HgwdPCRtLsuzDaHqDTyo", "abc124", [VectorKey]));
    }

    [Fact]
    public void OneChangedByteOfTheBodyIsRefused()
    {
        var body = (byte[])VectorBody.Clone();
        body[^3] ^= 1;

        Assert.Null(SignatureVerifier.Verify(body, "rjtdfm8HgwdPCRtLsuzDaHqDTyo", VectorSalt, [VectorKey]));
    }

    [Fact]
    public void WrongKeyIsRefused()
    {
        Assert.Null(SignatureVerifier.Verify(VectorBody, "rjtdfm8HgwdPCRtLsuzDaHqDTyo", VectorSalt, ["other-secret"]));
    }

    [Fact]
    public void NoConfiguredKeyRefusesEverything()
    {
        Assert.Null(SignatureVerifier.Verify(VectorBody, "rjtdfm8HgwdPCRtLsuzDaHqDTyo", VectorSalt, []));
    }
}
