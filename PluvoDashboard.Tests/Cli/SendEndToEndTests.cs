using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Cli;
using PluvoDashboard.Intake;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Tests.Cli;

/// <summary>Sends and simulates through the real app, hosted in memory with its own database file.</summary>
public sealed class SendEndToEndTests : IAsyncLifetime
{
    private const string WebhookKey = "test-key";

    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 10, 15, 0, 123, TimeSpan.Zero);

    private readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"cli-e2e-{Guid.NewGuid():N}.db");
    private readonly WebApplicationFactory<Program> app;
    private readonly HttpClient client;
    private readonly Uri webhookUrl;

    public SendEndToEndTests()
    {
        app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ConnectionStrings:Pluvo", $"Data Source={databaseFile}");
            builder.UseSetting("Pluvo:WebhookKey", WebhookKey);
        });
        client = app.CreateClient();
        webhookUrl = new Uri(client.BaseAddress!, IntakeEndpoints.WebhookPath);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task SendingASampleStoresItAndPrintsTheAnswer()
    {
        var body = PluvoSamples.For("USER_CREATED", new Random(1), SentAt);
        var output = new StringWriter();

        var exitCode = await SendAsync(body, output);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("200", output.ToString());
        Assert.Contains("\"duplicate\":false", output.ToString());
        var stored = Assert.Single(await StoredEventsAsync());
        Assert.Equal("USER_CREATED", stored.EventType);
        Assert.Equal(body, stored.RawBody);
        Assert.Equal("sha1-key/base64url", stored.SignatureReading);
    }

    [Fact]
    public async Task SendingTheSameBodyTwiceIsAnsweredAsADuplicate()
    {
        var body = PluvoSamples.For("COURSE_FINISHED", new Random(2), SentAt);
        await SendAsync(body, TextWriter.Null);
        var output = new StringWriter();

        var exitCode = await SendAsync(body, output);

        Assert.Equal(0, exitCode);
        Assert.Contains("\"duplicate\":true", output.ToString());
        Assert.Single(await StoredEventsAsync());
    }

    [Fact]
    public async Task SendingWithTheWrongKeyIsRefusedAndExitsWithOne()
    {
        var body = PluvoSamples.For("TRAINING_CREATED", new Random(3), SentAt);
        var output = new StringWriter();

        var exitCode = await SendAsync(body, output, "wrong-key");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("401", output.ToString());
        Assert.Contains("signature does not match", output.ToString());
        Assert.Empty(await StoredEventsAsync());
    }

    [Fact]
    public async Task SimulatingStoresEveryEventOnce()
    {
        var settings = new SimulationSettings(Rate: 0, Count: 60, Concurrency: 4, Seed: 9);
        var output = new StringWriter();

        var tally = await SimulateCommand.RunAsync(
            client, webhookUrl, WebhookKey, settings, output, CancellationToken.None);

        Assert.Equal(60, tally.Sent);
        Assert.True(tally.AllAccepted);
        Assert.Contains("Sent 60, accepted 60 (duplicates 0), refused 0, errors 0", output.ToString());
        var stored = await StoredEventsAsync();
        Assert.Equal(60, stored.Count);
        Assert.Equal(["TRAINING_CREATED", "TRAINING_CREATED", "TRAINING_CREATED"],
            stored.OrderBy(e => e.SentDate).Take(3).Select(e => e.EventType));
    }

    [Fact]
    public async Task StoppingASimulationStillPrintsTheSummary()
    {
        var settings = new SimulationSettings(Rate: 20, Count: 0, Concurrency: 2, Seed: 10);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));
        var output = new StringWriter();

        var tally = await SimulateCommand.RunAsync(client, webhookUrl, WebhookKey, settings, output, stop.Token);

        Assert.InRange(tally.Sent, 1, 30);
        Assert.Contains($"Sent {tally.Sent}, accepted {tally.Sent}", output.ToString());
    }

    private Task<int> SendAsync(byte[] body, TextWriter output, string key = WebhookKey) =>
        SendCommand.SendAsync(client, webhookUrl, key, body, output, CancellationToken.None);

    private async Task<List<WebhookEvent>> StoredEventsAsync()
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PluvoDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await db.WebhookEvents.AsNoTracking().ToListAsync();
    }
}
