using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Intake;

/// <summary>The contract of <c>POST /webhooks/pluvo</c>, through the real app and its SQLite database.</summary>
public sealed class IntakeEndpointTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private Task<HttpResponseMessage> PostAsync(SignedDelivery delivery) =>
        _app.CreateClient().SendAsync(delivery.ToRequest());

    private async Task<WebhookEvent> StoredEventAsync(long id)
    {
        await using var db = _app.CreateDbContext();
        return await db.WebhookEvents.SingleAsync(e => e.Id == id);
    }

    private async Task<int> StoredEventCountAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.WebhookEvents.CountAsync();
    }

    [Fact]
    public async Task SignedDeliveryIsStoredWithItsEnvelopeAndAnsweredWithItsId()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var (id, duplicate) = await (await PostAsync(SignedDelivery.UserCreated())).AssertAcceptedAsync();

        Assert.False(duplicate);
        var stored = await StoredEventAsync(id);
        Assert.Equal("USER_CREATED", stored.EventType);
        Assert.Equal("User", stored.Family);
        Assert.Equal(("933d8663-edf6-42c9-895a-eeec13fff0ab", "user-ref"), (stored.SubjectId, stored.SubjectRef));
        Assert.Equal(("Zoë Ñúñez", "zoe@example.com"), (stored.UserName, stored.UserEmail));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 15, 0, TimeSpan.Zero), stored.SentDate);
        Assert.InRange(stored.ReceivedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        // Pending until the handlers have run; with no handlers registered that is at once.
        Assert.True(stored.Status is EventStatus.Pending or EventStatus.Processed, $"status {stored.Status}");
        Assert.Equal("sha1-key/base64url", stored.SignatureReading);
        Assert.Equal("current", stored.SignatureKey);
        Assert.Equal(0, stored.DuplicateCount);
    }

    [Fact]
    public async Task RawBodyIsKeptByteForByte()
    {
        // Odd spacing, escaped characters, CRLF and a number with trailing zeros: re-serialising would change them.
        var body = Encoding.UTF8.GetBytes(
            "{ \"event\" : \"COURSE_FINISHED\",\r\n\t\"score\": 87.50, \"note\": \"caf\\u00e9 <b>&amp;</b>\",\"user\":{\"name\":\"Zoë\"} }");

        var (id, _) = await (await PostAsync(SignedDelivery.Of(body))).AssertAcceptedAsync();

        var stored = await StoredEventAsync(id);
        Assert.Equal(body, stored.RawBody);
        Assert.Equal(SHA256.HashData(body), stored.BodyHash);
    }

    [Fact]
    public async Task SelectedHeadersAreKeptWithoutTheSignature()
    {
        var delivery = SignedDelivery.UserCreated().WithSalt("salt-to-keep");

        var (id, _) = await (await PostAsync(delivery)).AssertAcceptedAsync();

        var headers = JsonDocument.Parse((await StoredEventAsync(id)).Headers).RootElement;
        Assert.Equal("salt-to-keep", headers.GetProperty("X-Signature-Salt").GetString());
        Assert.StartsWith("application/json", headers.GetProperty("Content-Type").GetString());
        Assert.False(headers.TryGetProperty("X-Signature", out _));
    }

    [Theory]
    [InlineData("base64", "plain-key/base64")]
    [InlineData("base64-unpadded", "plain-key/base64")]
    [InlineData("hex", "plain-key/hex")]
    [InlineData("HEX", "plain-key/hex")]
    public async Task PlainKeyReadingIsAcceptedAndRecorded(string encoding, string reading)
    {
        var delivery = SignedDelivery.UserCreated();
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes("salt-0001" + PluvoApp.WebhookKey), delivery.Body);
        var signature = encoding switch
        {
            "base64" => Convert.ToBase64String(mac),
            "base64-unpadded" => Convert.ToBase64String(mac).TrimEnd('='),
            "hex" => Convert.ToHexStringLower(mac),
            _ => Convert.ToHexString(mac),
        };

        var (id, _) = await (await PostAsync(delivery.WithSignature(signature))).AssertAcceptedAsync();

        Assert.Equal(reading, (await StoredEventAsync(id)).SignatureReading);
    }

    [Fact]
    public async Task DeliverySignedWithAPreviousKeyIsAcceptedAndRecordsWhichKey()
    {
        _app.With("Pluvo:PreviousWebhookKeys:0", "retired-key-1").With("Pluvo:PreviousWebhookKeys:1", "retired-key-2");

        var response = await PostAsync(SignedDelivery.UserCreated().SignedWith("retired-key-2"));

        var (id, _) = await response.AssertAcceptedAsync();
        Assert.Equal("previous-2", (await StoredEventAsync(id)).SignatureKey);
    }

    [Fact]
    public async Task DeliveryWithoutSignatureIsRefusedWith401AndNothingIsStored()
    {
        var response = await PostAsync(SignedDelivery.UserCreated().WithoutSignature());

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("X-Signature", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Fact]
    public async Task WrongSignatureIsRefusedWith401WithoutRevealingTheKeyOrTheExpectedSignature()
    {
        var delivery = SignedDelivery.UserCreated().SignedWith("a-guessed-key");
        var expected = SignedDelivery.UserCreated().Signature;

        var response = await PostAsync(delivery);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(PluvoApp.WebhookKey, text);
        Assert.DoesNotContain(expected, text);
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Fact]
    public async Task BodyOverTheLimitIsRefusedWith413BeforeTheSignatureIsChecked()
    {
        _app.With("Pluvo:MaxBodyBytes", "100");
        var delivery = SignedDelivery.Of(new string('x', 101)).WithoutSignature();

        var response = await PostAsync(delivery);

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("100 bytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task BodyOverTheLimitWithoutContentLengthIsRefusedWith413()
    {
        _app.With("Pluvo:MaxBodyBytes", "1000");
        var body = Encoding.UTF8.GetBytes($$"""{"event":"USER_CREATED","pad":"{{new string('x', 5000)}}"}""");
        var request = SignedDelivery.Of(body).ToRequest();
        request.Content = new StreamContent(new UnseekableStream(body));
        Assert.Null(request.Content.Headers.ContentLength);

        var response = await _app.CreateClient().SendAsync(request);

        await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Fact]
    public async Task BodyExactlyAtTheLimitIsAccepted()
    {
        var body = """{"event":"USER_CREATED"}""";
        _app.With("Pluvo:MaxBodyBytes", Encoding.UTF8.GetByteCount(body).ToString());

        await (await PostAsync(SignedDelivery.Of(body))).AssertAcceptedAsync();
    }

    [Fact]
    public async Task WithoutAWebhookKeyEveryDeliveryIsAnswered503NeverGone()
    {
        _app.With("Pluvo:WebhookKey", "");

        var response = await PostAsync(SignedDelivery.UserCreated());

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("Pluvo__WebhookKey", problem.GetProperty("detail").GetString());
        Assert.NotEqual(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal(0, await StoredEventCountAsync());
    }

    [Fact]
    public async Task RepeatedBodyWithAnotherSaltIsAnsweredAsADuplicateOfTheOriginal()
    {
        var first = await PostAsync(SignedDelivery.UserCreated().WithSalt("a"));
        var (firstId, firstDuplicate) = await first.AssertAcceptedAsync();

        var second = await PostAsync(SignedDelivery.UserCreated().WithSalt("b"));
        var (secondId, secondDuplicate) = await second.AssertAcceptedAsync();

        Assert.False(firstDuplicate);
        Assert.True(secondDuplicate);
        Assert.Equal(firstId, secondId);
        Assert.Equal(1, await StoredEventCountAsync());
        var original = await StoredEventAsync(firstId);
        Assert.Equal(1, original.DuplicateCount);
        Assert.NotNull(original.LastDuplicateAt);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"id":"u-1","sentDate":"2026-01-01T00:00:00.000Z"}""")]
    public async Task SignedBodyThatIsNotAnEventIsStoredAsUnparseable(string body)
    {
        var (id, _) = await (await PostAsync(SignedDelivery.Of(body))).AssertAcceptedAsync();

        var stored = await StoredEventAsync(id);
        Assert.Equal(EventStatus.Unparseable, stored.Status);
        Assert.Null(stored.EventType);
        Assert.False(string.IsNullOrWhiteSpace(stored.ParseError));
        Assert.Equal(Encoding.UTF8.GetBytes(body), stored.RawBody);
    }

    [Fact]
    public async Task UnknownEventTypeIsStoredLikeAnyOther()
    {
        var body = """{"id":"b-1","event":"BADGE_AWARDED","user":{"id":"u-1","name":"Jan"},"sentDate":"2026-01-01T00:00:00.000Z"}""";

        var (id, _) = await (await PostAsync(SignedDelivery.Of(body))).AssertAcceptedAsync();

        var stored = await StoredEventAsync(id);
        Assert.Equal(("BADGE_AWARDED", "Unknown"), (stored.EventType, stored.Family));
        Assert.True(stored.Status is EventStatus.Pending or EventStatus.Processed, $"status {stored.Status}");
        Assert.Equal("Jan", stored.UserName);
    }

    [Fact]
    public async Task TwoHundredConcurrentDeliveriesAreEachStoredExactlyOnce()
    {
        var client = _app.CreateClient();
        var deliveries = Enumerable.Range(0, 200).Select(i => SignedDelivery.UserCreated($"user-{i}")).ToList();

        var responses = await Task.WhenAll(deliveries.Select(d => client.SendAsync(d.ToRequest())));

        var answers = await Task.WhenAll(responses.Select(r => r.AssertAcceptedAsync()));
        Assert.All(answers, a => Assert.False(a.Duplicate));
        Assert.Equal(200, answers.Select(a => a.Id).Distinct().Count());
        await using var db = _app.CreateDbContext();
        var stored = await db.WebhookEvents.ToDictionaryAsync(e => e.Id, e => e.SubjectId);
        Assert.Equal(200, stored.Count);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal($"user-{i}", stored[answers[i].Id]);
        }
    }

    [Fact]
    public async Task TheSameBodySentConcurrentlyIsStoredOnce()
    {
        var client = _app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(i => client.SendAsync(SignedDelivery.UserCreated().WithSalt($"salt-{i}").ToRequest())));

        var answers = await Task.WhenAll(responses.Select(r => r.AssertAcceptedAsync()));
        Assert.Single(answers.Select(a => a.Id).Distinct());
        Assert.Single(answers, a => !a.Duplicate);
        var stored = Assert.Single(await _app.CreateDbContext().WebhookEvents.ToListAsync());
        Assert.Equal(49, stored.DuplicateCount);
    }

    [Fact]
    public async Task ResponseOfAnAcceptedDeliveryComesOnlyAfterItsRowIsCommitted()
    {
        var (id, _) = await (await PostAsync(SignedDelivery.UserCreated())).AssertAcceptedAsync();

        // A connection of our own sees only committed data.
        await using var connection = _app.OpenDatabase();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM WebhookEvents WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    /// <summary>A stream whose length is unknown, so the request goes out without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
