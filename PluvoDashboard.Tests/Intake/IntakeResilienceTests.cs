using System.Net;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Intake;

/// <summary>What the endpoint does when the database fails or falls behind.</summary>
public sealed class IntakeResilienceTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DatabaseErrorFailsOnlyThatBatchWith503AndTheWriterGoesOn()
    {
        var client = _app.CreateClient();
        await (await client.SendAsync(SignedDelivery.UserCreated("before").ToRequest())).AssertAcceptedAsync();
        await using (var connection = _app.OpenDatabase())
        {
            // A real database error for one kind of row: the trigger aborts its insert.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TRIGGER refuse_poison BEFORE INSERT ON WebhookEvents WHEN NEW.SubjectId = 'poison'
                BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var failed = await client.SendAsync(SignedDelivery.UserCreated("poison").ToRequest());
        var after = await client.SendAsync(SignedDelivery.UserCreated("after").ToRequest());

        await failed.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.True(failed.Headers.RetryAfter is not null, "a 503 tells the sender when to retry");
        await after.AssertAcceptedAsync();
        await using var db = _app.CreateDbContext();
        Assert.Equal(["after", "before"], await db.WebhookEvents.Select(e => e.SubjectId!).OrderBy(s => s).ToListAsync());
    }

    [Fact]
    public async Task FullQueueIsAnswered503WithRetryAfterAndQueuedDeliveriesAreStoredOnceTheDatabaseIsFree()
    {
        _app.With("Pluvo:QueueCapacity", "1");
        var client = _app.CreateClient();
        await (await client.SendAsync(SignedDelivery.UserCreated("warm-up").ToRequest())).AssertAcceptedAsync();

        var pending = new List<(string Id, Task<HttpResponseMessage> Response)>();
        HttpResponseMessage? refused = null;
        await using (var locker = _app.OpenDatabase())
        {
            // Another writer holds the database, so the intake writer waits and its queue fills up.
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();

            for (var i = 0; i < 20 && refused is null; i++)
            {
                var id = $"queued-{i}";
                var response = client.SendAsync(SignedDelivery.UserCreated(id).ToRequest());
                await Task.WhenAny(response, Task.Delay(200));
                if (response.IsCompleted && (await response).StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    refused = await response;
                }
                else
                {
                    pending.Add((id, response));
                }
            }

            Assert.NotNull(refused);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("retry", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.NotEmpty(pending);
        foreach (var (_, response) in pending)
        {
            await (await response).AssertAcceptedAsync();
        }

        await using var db = _app.CreateDbContext();
        var stored = await db.WebhookEvents.Select(e => e.SubjectId).ToListAsync();
        Assert.All(pending, p => Assert.Contains(p.Id, stored));
    }
}
