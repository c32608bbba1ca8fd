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
        var stored = await db.WebhookEvents.Select(e => e.SubjectId!).OrderBy(s => s).ToListAsync();
        Assert.Equal(["after", "before"], stored);
    }

    [Fact]
    public async Task FullQueueIsAnswered503WithRetryAfterAndQueuedDeliveriesAreStoredOnceTheDatabaseIsFree()
    {
        _app.With("Pluvo:QueueCapacity", "1");
        var client = _app.CreateClient();
        await (await client.SendAsync(SignedDelivery.UserCreated("warm-up").ToRequest())).AssertAcceptedAsync();

        var sent = new List<(string Id, Task<HttpResponseMessage> Response)>();
        await using (var locker = _app.OpenDatabase())
        {
            // Another writer holds the database, so the intake writer waits and its queue fills up.
            await using var begin = locker.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE";
            await begin.ExecuteNonQueryAsync();

            for (var i = 0; i < 40 && !sent.Any(s => IsBusy(s.Response)); i++)
            {
                var id = $"queued-{i}";
                sent.Add((id, client.SendAsync(SignedDelivery.UserCreated(id).ToRequest())));
                await Task.Delay(100);
            }

            Assert.Contains(sent, s => IsBusy(s.Response));
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var refused = sent.Where(s => IsBusy(s.Response)).ToList();
        var problem = await (await refused[0].Response).AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Contains("retry", problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull((await refused[0].Response).Headers.RetryAfter);

        // Every delivery not refused was queued, and is stored and answered once the database is free.
        var accepted = sent.Except(refused).ToList();
        Assert.NotEmpty(accepted);
        foreach (var (_, response) in accepted)
        {
            var answer = await response;
            if (answer.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                // Refused after the lock was lifted: still a clean refusal, never a loss.
                await answer.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
                continue;
            }

            await answer.AssertAcceptedAsync();
        }

        await using var db = _app.CreateDbContext();
        var stored = await db.WebhookEvents.Select(e => e.SubjectId).ToListAsync();
        foreach (var (id, response) in accepted)
        {
            Assert.Equal((await response).IsSuccessStatusCode, stored.Contains(id));
        }
    }

    private static bool IsBusy(Task<HttpResponseMessage> response) =>
        response.IsCompletedSuccessfully && response.Result.StatusCode == HttpStatusCode.ServiceUnavailable;
}
