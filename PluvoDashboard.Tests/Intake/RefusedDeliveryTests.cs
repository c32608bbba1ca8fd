using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Intake;

/// <summary>
/// Refused deliveries are counted and a capped number kept; the log names the reason, never a secret.
/// </summary>
public sealed class RefusedDeliveryTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private async Task<long> CountOfAsync(RejectionReason reason)
    {
        await using var db = _app.CreateDbContext();
        return await db.RejectionCounts.Where(c => c.Reason == reason).Select(c => c.Count).SingleOrDefaultAsync();
    }

    [Fact]
    public async Task RefusedDeliveryIsRecordedWithReasonAddressAndTheFirstBytes()
    {
        var body = """{"event":"USER_CREATED","id":"forged"}""" + new string(' ', 1000);

        var response = await _app.CreateClient().SendAsync(SignedDelivery.Of(body).SignedWith("forged").ToRequest());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Eventually.HoldsAsync(async () => await CountOfAsync(RejectionReason.InvalidSignature) == 1,
            "the refusal is counted");
        await using var db = _app.CreateDbContext();
        var rejected = await db.RejectedDeliveries.SingleAsync();
        Assert.Equal(RejectionReason.InvalidSignature, rejected.Reason);
        Assert.Equal(Encoding.UTF8.GetByteCount(body), rejected.BodyLength);
        Assert.Equal(512, rejected.BodyPrefix.Length);
        Assert.StartsWith("""{"event":"USER_CREATED","id":"forged"}""", Encoding.UTF8.GetString(rejected.BodyPrefix));
        Assert.InRange(rejected.RejectedAt, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
    }

    [Fact]
    public async Task EachReasonIsCountedSeparately()
    {
        _app.With("Pluvo:MaxBodyBytes", "64");
        var client = _app.CreateClient();

        await client.SendAsync(SignedDelivery.UserCreated().WithoutSignature().ToRequest());
        await client.SendAsync(SignedDelivery.Of("{}").WithoutSignature().ToRequest());
        await client.SendAsync(SignedDelivery.Of("{}").SignedWith("wrong").ToRequest());

        await Eventually.HoldsAsync(async () =>
            await CountOfAsync(RejectionReason.BodyTooLarge) == 1
            && await CountOfAsync(RejectionReason.MissingSignature) == 1
            && await CountOfAsync(RejectionReason.InvalidSignature) == 1, "each reason is counted once");
    }

    [Fact]
    public async Task UnderAFloodOfForgeriesEveryOneIsCountedButOnlyTheCapIsKept()
    {
        _app.With("Pluvo:RejectedDeliveriesKept", "25").With("Pluvo:RefusedDeliveriesPerMinute", "1000");
        var client = _app.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(0, 400).Select(i =>
            client.SendAsync(SignedDelivery.UserCreated($"forged-{i}").SignedWith("forged").ToRequest())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        await Eventually.HoldsAsync(async () => await CountOfAsync(RejectionReason.InvalidSignature) == 400,
            "all 400 refusals are counted");
        await using var db = _app.CreateDbContext();
        Assert.InRange(await db.RejectedDeliveries.CountAsync(), 1, 25);
        Assert.Equal(0, await db.WebhookEvents.CountAsync());
    }

    [Fact]
    public async Task TheLogNamesEachRefusalButNeverTheKeyOrASignature()
    {
        _app.With("Pluvo:PreviousWebhookKeys:0", "the-previous-secret");
        var client = _app.CreateClient();
        var forged = SignedDelivery.UserCreated().SignedWith("forged");
        var genuine = SignedDelivery.UserCreated("genuine");

        await client.SendAsync(forged.ToRequest());
        await client.SendAsync(SignedDelivery.UserCreated().WithoutSignature().ToRequest());
        await (await client.SendAsync(genuine.ToRequest())).AssertAcceptedAsync();

        var log = _app.Log.AllText;
        Assert.Contains("InvalidSignature", log);
        Assert.Contains("MissingSignature", log);
        Assert.DoesNotContain(PluvoApp.WebhookKey, log);
        Assert.DoesNotContain("the-previous-secret", log);
        Assert.DoesNotContain(forged.Signature, log);
        Assert.DoesNotContain(genuine.Signature, log);
        Assert.DoesNotContain(SignedDelivery.UserCreated().Signature, log);
    }
}
