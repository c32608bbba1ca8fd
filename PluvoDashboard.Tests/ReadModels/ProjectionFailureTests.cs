using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Several events due at once; one the database refuses must fail alone.</summary>
public sealed class ProjectionFailureTests : IDisposable
{
    private readonly PluvoApp _app = new PluvoApp().With("Handlers:Retry:MaxAttempts", "50");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnEventTheDatabaseRefusesFailsAloneWithTheCauseAndTheOthersAreProjected()
    {
        var client = _app.CreateClient();
        await using (var connection = _app.OpenDatabase())
        {
            // A real database error for one learner: the trigger aborts the insert of its row.
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TRIGGER refuse_learner BEFORE INSERT ON Learners WHEN NEW.Id = 'u-bad'
                BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END;
                """;
            await command.ExecuteNonQueryAsync();
        }

        // Posted together, so the dispatcher finds several due at once.
        string[] ids = ["u-1", "u-2", "u-bad", "u-3", "u-4", "u-5"];
        var answers = await Task.WhenAll(ids.Select(id => client.SendAsync(SignedDelivery.Of(
            PluvoBodies.User("USER_CREATED", id, $"Learner {id}", 2, $"{id}@example.com")).ToRequest())));
        foreach (var answer in answers)
        {
            await answer.AssertAcceptedAsync();
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return await db.Learners.CountAsync() == 5 &&
                await db.WebhookEvents.CountAsync(e => e.Status == EventStatus.Processed) == 5 &&
                await db.WebhookEvents.AnyAsync(e => e.SubjectId == "u-bad" && e.Status == EventStatus.Failing);
        }, "five learners projected and the refused one failing");

        await using var check = _app.CreateDbContext();
        Assert.DoesNotContain("u-bad", await check.Learners.Select(l => l.Id).ToListAsync());
        var failed = await check.HandlerRuns.Where(r => !r.Succeeded).ToListAsync();
        Assert.NotEmpty(failed);
        Assert.All(failed, r => Assert.Equal(ProjectionHandler.HandlerName, r.HandlerName));
        Assert.All(failed, r => Assert.Contains("refused by test trigger", r.Error));
        var badEvent = await check.WebhookEvents.SingleAsync(e => e.SubjectId == "u-bad");
        Assert.All(failed, r => Assert.Equal(badEvent.Id, r.EventId));
        Assert.Equal(5, await check.HandlerRuns.CountAsync(r => r.Succeeded));
    }
}
