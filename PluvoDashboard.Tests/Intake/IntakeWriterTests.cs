using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PluvoDashboard.Handlers;
using PluvoDashboard.Intake;
using PluvoDashboard.Live;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Intake;

/// <summary>The group-commit writer on a real database, without the web host around it.</summary>
public sealed class IntakeWriterTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private IntakeWriter CreateWriter(int queueCapacity = 100) => new(
        _database.Settings,
        Options.Create(new PluvoWebhookOptions { QueueCapacity = queueCapacity }),
        new DispatchSignal(),
        new LiveFeed(TimeProvider.System),
        NullLogger<IntakeWriter>.Instance);

    private static IncomingDelivery Delivery(string body) => new(
        Encoding.UTF8.GetBytes(body),
        DateTimeOffset.UtcNow,
        EnvelopeReader.Read(Encoding.UTF8.GetBytes(body)),
        "{}",
        new SignatureMatch(SignatureReading.Documented, "current"));

    [Fact]
    public async Task OnShutdownEveryAcceptedDeliveryIsCommittedBeforeTheWriterStops()
    {
        using var writer = CreateWriter();
        await writer.StartAsync(CancellationToken.None).WaitAsync(Patience);
        var deliveries = Enumerable.Range(0, 20).Select(i => Delivery($$"""{"event":"USER_CREATED","id":"u-{{i}}"}""")).ToList();
        Task stopping;
        await using (var locker = _database.Open())
        {
            // Hold the database so that the deliveries are still queued when shutdown begins.
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync().WaitAsync(Patience);
            Assert.All(deliveries, d => Assert.True(writer.TryEnqueue(d)));

            stopping = writer.StopAsync(CancellationToken.None);

            Assert.False(writer.TryEnqueue(Delivery("""{"event":"USER_CREATED","id":"too-late"}""")));
            Assert.False(stopping.IsCompleted);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync().WaitAsync(Patience);
        }

        await stopping.WaitAsync(Patience);

        var receipts = await Task.WhenAll(deliveries.Select(d => d.Stored)).WaitAsync(Patience);
        Assert.Equal(20, receipts.Select(r => r.Id).Distinct().Count());
        await using var db = _database.CreateDbContext();
        Assert.Equal(
            Enumerable.Range(0, 20).Select(i => $"u-{i}").Order(),
            (await db.WebhookEvents.Select(e => e.SubjectId!).ToListAsync()).Order());
    }

    [Fact]
    public async Task TwoIdenticalBodiesInOneBatchAreStoredOnceAndTheSecondIsADuplicate()
    {
        using var writer = CreateWriter();
        var first = Delivery("""{"event":"USER_CREATED","id":"same"}""");
        var second = Delivery("""{"event":"USER_CREATED","id":"same"}""");
        var other = Delivery("""{"event":"USER_CREATED","id":"other"}""");

        // Queued before the writer starts, so all three go into its first batch.
        Assert.True(writer.TryEnqueue(first) && writer.TryEnqueue(second) && writer.TryEnqueue(other));
        await writer.StartAsync(CancellationToken.None);
        var receipts = await Task.WhenAll(first.Stored, second.Stored, other.Stored).WaitAsync(Patience);
        await writer.StopAsync(CancellationToken.None);

        Assert.Equal(new DeliveryReceipt(receipts[0].Id, false), receipts[0]);
        Assert.Equal(new DeliveryReceipt(receipts[0].Id, true), receipts[1]);
        Assert.False(receipts[2].Duplicate);
        Assert.NotEqual(receipts[0].Id, receipts[2].Id);
        await using var db = _database.CreateDbContext();
        Assert.Equal(1, (await db.WebhookEvents.SingleAsync(e => e.Id == receipts[0].Id)).DuplicateCount);
    }

    [Fact]
    public void BodiesThatDifferInOneByteAreNotDuplicates()
    {
        var a = Delivery("""{"event":"USER_CREATED","id":"a"}""");
        var b = Delivery("""{"event":"USER_CREATED","id":"b"}""");
        var sameAsA = Delivery("""{"event":"USER_CREATED","id":"a"}""");

        Assert.NotEqual(a.BodyHash, b.BodyHash);
        Assert.Equal(a.BodyHash, sameAsA.BodyHash);
    }
}
