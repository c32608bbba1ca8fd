using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PluvoDashboard.Cli;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

namespace PluvoDashboard.Tests.Search;

/// <summary>The seed verb on a small history, then retention deleting its older part.</summary>
public sealed class SeedAndRetentionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pluvo-seed-").FullName;
    private readonly SqliteSettings _database;

    public SeedAndRetentionTests() =>
        _database = new SqliteSettings($"Data Source={Path.Combine(_folder, "seeded.db")}", _folder);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private PluvoDbContext Db() => new(new DbContextOptionsBuilder<PluvoDbContext>()
        .UseSqlite(_database.ConnectionString).Options);

    [Fact]
    public async Task Seeding_fills_events_search_index_statistics_and_read_models_and_refuses_a_second_run()
    {
        var output = new StringWriter();
        Assert.True(await SeedCommand.RunAsync(_database, new SeedSettings(2000, 30, 7, false), output, default));
        Assert.Contains("Done: 2,000 rows", output.ToString(), StringComparison.Ordinal);

        await using (var db = Db())
        {
            var maxId = await db.WebhookEvents.MaxAsync(e => e.Id);
            Assert.Equal(2000, await db.WebhookEvents.CountAsync());
            Assert.Equal(2000, await db.SearchKeys.CountAsync());
            Assert.Equal(2000, await db.EventHourCounts.SumAsync(h => h.Count));
            Assert.Equal(maxId, (await db.SearchCursors.SingleAsync()).LastIndexedEventId);
            Assert.Equal(maxId, (await db.DispatcherCursors.SingleAsync()).LastPlannedEventId);
            Assert.True(await db.Learners.CountAsync() > 10);
            Assert.True(await db.Completions.CountAsync() > 10);
            var failing = await db.WebhookEvents.CountAsync(e => e.Status == EventStatus.Failing
                || e.Status == EventStatus.DeadLettered);
            Assert.InRange(failing, 1, 60);
            Assert.Equal(failing, await db.HandlerWork.CountAsync());
            var oldest = await db.WebhookEvents.MinAsync(e => e.ReceivedAt);
            Assert.InRange(oldest, DateTimeOffset.UtcNow.AddDays(-31), DateTimeOffset.UtcNow.AddDays(-25));
            Assert.True(await db.WebhookEvents.MaxAsync(e => e.ReceivedAt) <= DateTimeOffset.UtcNow);
        }

        // Every seeded e-mail address is found by a fragment of it.
        var search = new EventSearch(new PooledDbContextFactory<PluvoDbContext>(
            new DbContextOptionsBuilder<PluvoDbContext>().UseSqlite(_database.ConnectionString).Options));
        await using (var db = Db())
        {
            var email = await db.WebhookEvents.Where(e => e.UserEmail != null).Select(e => e.UserEmail!).FirstAsync();
            var page = await search.SearchAsync(EventQuery.Parse(email[1..^3]), 0, 10, default);
            Assert.NotEmpty(page.Rows);
        }

        var refused = new StringWriter();
        Assert.False(await SeedCommand.RunAsync(_database, new SeedSettings(10, 1, 1, false), refused, default));
        Assert.Contains("pass --append", refused.ToString(), StringComparison.Ordinal);
        Assert.True(await SeedCommand.RunAsync(
            _database, new SeedSettings(10, 1, 2, true, ReadModels: false), new StringWriter(), default));
        await using (var db = Db())
        {
            Assert.Equal(2010, await db.WebhookEvents.CountAsync());
        }
    }

    [Fact]
    public async Task Retention_deletes_old_events_with_their_runs_and_search_rows_and_keeps_recent_ones()
    {
        await SeedCommand.RunAsync(
            _database, new SeedSettings(1500, 20, 3, false, ReadModels: false), new StringWriter(), default);
        var cutoff = DateTimeOffset.UtcNow.AddDays(-10);
        int recent;
        int learners;
        await using (var db = Db())
        {
            recent = await db.WebhookEvents.CountAsync(e => e.ReceivedAt >= cutoff);
            learners = await db.SearchLearners.CountAsync();
            Assert.InRange(recent, 100, 1400);
            Assert.True(await db.HandlerRuns.AnyAsync(r => db.WebhookEvents.Any(e => e.Id == r.EventId
                && e.ReceivedAt < cutoff)));
        }

        var retention = new RetentionService(_database, Options.Create(new RetentionOptions { Days = 10 }),
            TimeProvider.System, NullLogger<RetentionService>.Instance);
        var deleted = await retention.DeleteOlderThanAsync(cutoff, default);

        Assert.Equal(1500 - recent, deleted);
        await using (var db = Db())
        {
            Assert.Equal(recent, await db.WebhookEvents.CountAsync());
            Assert.False(await db.WebhookEvents.AnyAsync(e => e.ReceivedAt < cutoff));
            Assert.False(await db.HandlerRuns.AnyAsync(r => !db.WebhookEvents.Any(e => e.Id == r.EventId)));
            Assert.False(await db.HandlerWork.AnyAsync(w => !db.WebhookEvents.Any(e => e.Id == w.EventId)));
            Assert.Equal(recent, await db.SearchKeys.CountAsync());
            Assert.Equal(recent, await db.EventHourCounts.SumAsync(h => h.Count));
            Assert.Equal(learners, await db.SearchLearners.CountAsync());
            var text = await db.Database
                .SqlQueryRaw<long>("SELECT COUNT(*) AS Value FROM EventText WHERE EventText MATCH '\"sentDate\"'")
                .SingleAsync();
            Assert.Equal(recent, text);
        }

        var search = new EventSearch(new PooledDbContextFactory<PluvoDbContext>(
            new DbContextOptionsBuilder<PluvoDbContext>().UseSqlite(_database.ConnectionString).Options));
        var everything = await search.SearchAsync(EventQuery.Parse("sentDate"), 0, 1000, default);
        Assert.Equal(recent, everything.Rows.Count);
        Assert.Equal(0, await retention.DeleteOlderThanAsync(cutoff, default));
    }

    [Fact]
    public async Task Counting_stops_at_ten_thousand_except_for_the_unfiltered_total()
    {
        await SeedCommand.RunAsync(
            _database, new SeedSettings(10_050, 5, 4, false, ReadModels: false), new StringWriter(), default);
        var search = new EventSearch(new PooledDbContextFactory<PluvoDbContext>(
            new DbContextOptionsBuilder<PluvoDbContext>().UseSqlite(_database.ConnectionString).Options));

        var broad = await search.SearchAsync(EventQuery.Parse("sentDate"), 3, 25, default);
        Assert.Equal(EventSearch.CountLimit, broad.Total);
        Assert.True(broad.TotalIsLowerBound);
        Assert.Equal(25, broad.Rows.Count);

        var all = await search.SearchAsync(EventQuery.Empty, 0, 25, default);
        Assert.Equal(10_050, all.Total);
        Assert.False(all.TotalIsLowerBound);
        Assert.Equal(all.Rows[0].Id - 75, broad.Rows[0].Id);
    }
}
