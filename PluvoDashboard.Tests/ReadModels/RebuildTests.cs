using PluvoDashboard.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Handlers;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Tests.Support;
using SimulatedOrganisation = PluvoDashboard.Cli.SimulatedOrganisation;
using static PluvoDashboard.Tests.ReadModels.PluvoBodies;

namespace PluvoDashboard.Tests.ReadModels;

/// <summary>Projecting again, by hand or by a rebuild, gives the read models live processing gave.</summary>
public sealed class RebuildTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ProjectingTheSameEventsTwiceLeavesTheSameState()
    {
        long[] ids =
        [
            await _app.PostAsync(User("USER_CREATED", "u-1", "Zoë", 1)),
            await _app.PostAsync(CourseFinished("cf-1", NestedUser("u-1", "Zoë"), 2)),
            await _app.PostAsync(Grade("gr-1", "a-1", 7, "graded", 3)),
            await _app.PostAsync(ModuleGroup("EVENT_FILE_UPLOADED", "https://files.example/x.pdf", 4)),
            await _app.PostAsync(User("USER_DELETED", "u-1", "Zoë", 5)),
        ];
        var live = await _app.SnapshotAsync();

        var projection = _app.Services.GetRequiredService<ProjectionHandler>();
        await using (var db = _app.CreateDbContext())
        {
            foreach (var stored in await db.WebhookEvents.Where(e => ids.Contains(e.Id)).ToListAsync())
            {
                var outcome = await projection.HandleAsync(new HandlerContext(stored, 2, true, "test"), default);
                Assert.True(outcome.Succeeded, outcome.Error);
            }
        }

        Assert.Equal(live, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task BodyTheParserRefusesFailsTheProjectionWithTheParsersError()
    {
        var projection = _app.Services.GetRequiredService<ProjectionHandler>();
        var stored = new PluvoDashboard.Storage.WebhookEvent
        {
            Id = 1,
            EventType = "ASSIGNMENT_GRADE_UPDATE",
            RawBody = """{"event":"ASSIGNMENT_GRADE_UPDATE","id":"g","score":"high"}"""u8.ToArray(),
        };

        var outcome = await projection.HandleAsync(new HandlerContext(stored, 1, false, null), default);

        Assert.False(outcome.Succeeded);
        Assert.Contains("score", outcome.Error);
    }

    [Fact]
    public async Task RebuildGivesWhatLiveProcessingGaveForAShuffledSimulatedStream()
    {
        var clock = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var organisation = new SimulatedOrganisation(new Random(20261203), () => clock = clock.AddSeconds(37));
        var deliveries = organisation.Stream().Take(300).ToArray();
        new Random(7).Shuffle(deliveries);

        var client = _app.CreateClient();
        foreach (var delivery in deliveries)
        {
            await (await client.SendAsync(SignedDelivery.Of(delivery.Body).ToRequest())).AssertAcceptedAsync();
        }

        await _app.AllProcessedAsync();
        var live = await _app.SnapshotAsync();

        var rebuilder = _app.Services.GetRequiredService<ReadModelRebuilder>();
        var projected = await rebuilder.RebuildAsync(Actor.CommandLine("test"), default);

        Assert.Equal(300, projected);
        var rebuilt = await _app.SnapshotAsync();
        Assert.Equal(live.Count, rebuilt.Count);
        Assert.Equal(live, rebuilt);
        string[] tables =
            ["learner", "training", "group", "portfolio", "enrolment", "completion", "grade", "milestone"];
        Assert.All(tables, table =>
            Assert.Contains(live, row => row.StartsWith(table + " ", StringComparison.Ordinal)));
        Assert.Contains(live, row => row.Contains("\"IsDeleted\":true", StringComparison.Ordinal));
    }
}
