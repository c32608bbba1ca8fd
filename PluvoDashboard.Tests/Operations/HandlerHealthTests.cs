using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Handlers;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>The handlers page's figures, read from known handler runs and work rows in a real database.</summary>
public sealed class HandlerHealthTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private readonly HandlerHealth _health;

    public HandlerHealthTests()
    {
        var services = new ServiceCollection()
            .AddDbContextFactory<PluvoDbContext>(o => o.UseSqlite(_database.Settings.ConnectionString))
            .BuildServiceProvider();
        var registry = new HandlerRegistry([new ScriptedHandler("projection"), new ScriptedHandler("forward:crm")]);
        _health = new HandlerHealth(
            services.GetRequiredService<IDbContextFactory<PluvoDbContext>>(), registry, TimeProvider.System);
    }

    public void Dispose() => _database.Dispose();

    private async Task<long[]> StoreEventsAsync(params string[] types)
    {
        await using var db = _database.CreateDbContext();
        var events = types.Select((type, i) => new WebhookEvent
        {
            EventType = type,
            ReceivedAt = _now.AddMinutes(-types.Length + i),
            RawBody = [(byte)i],
            BodyHash = [(byte)i],
        }).ToList();
        db.WebhookEvents.AddRange(events);
        await db.SaveChangesAsync();
        return [.. events.Select(e => e.Id)];
    }

    private async Task AddAsync(params object[] rows)
    {
        await using var db = _database.CreateDbContext();
        db.AddRange(rows);
        await db.SaveChangesAsync();
    }

    private HandlerRun Run(
        long eventId,
        string handler,
        double ms,
        bool succeeded,
        TimeSpan ago,
        string? error = null) => new()
        {
            EventId = eventId,
            HandlerName = handler,
            Attempt = 1,
            StartedAt = _now - ago,
            DurationMs = ms,
            Succeeded = succeeded,
            Error = error,
        };

    private static HandlerWork Work(long eventId, string handler, HandlerWorkStatus status, string? error = null) =>
        new() { EventId = eventId, HandlerName = handler, Status = status, LastError = error };

    [Fact]
    public async Task SuccessRateAndLatencyPercentilesCoverOnlyTheLastDay()
    {
        var id = (await StoreEventsAsync("USER_CREATED"))[0];
        var recent = Enumerable.Range(1, 20)
            .Select(ms => Run(id, "projection", ms, succeeded: ms % 4 != 0, TimeSpan.FromMinutes(ms)));
        var old = Enumerable.Range(1, 5)
            .Select(_ => Run(id, "projection", 5000, succeeded: false, TimeSpan.FromHours(25)));
        await AddAsync([.. recent, .. old]);

        var summaries = await _health.SummariesAsync(CancellationToken.None);

        var projection = summaries.Single(s => s.Name == "projection");
        Assert.Equal((20, 15), (projection.Runs, projection.Succeeded));
        Assert.Equal(0.75, projection.SuccessRate);
        Assert.Equal(10, projection.P50Ms);
        Assert.Equal(19, projection.P95Ms);
    }

    [Fact]
    public async Task AHandlerWithoutRunsHasNoRateOrLatencyAndEveryHandlerIsListed()
    {
        var summaries = await _health.SummariesAsync(CancellationToken.None);

        Assert.Equal(["projection", "forward:crm"], summaries.Select(s => s.Name));
        var crm = summaries[1];
        Assert.Equal((0, null, null, null), (crm.Runs, crm.SuccessRate, crm.P50Ms, crm.P95Ms));
    }

    [Fact]
    public async Task WaitingRetryingAndDeadLetteredWorkIsCountedPerHandler()
    {
        var ids = await StoreEventsAsync("USER_CREATED", "USER_UPDATED", "GROUP_CREATED", "USER_DELETED");
        await AddAsync(
            Work(ids[0], "projection", HandlerWorkStatus.Pending),
            Work(ids[1], "projection", HandlerWorkStatus.Pending),
            Work(ids[2], "projection", HandlerWorkStatus.Failing),
            Work(ids[3], "projection", HandlerWorkStatus.Succeeded),
            Work(ids[0], "forward:crm", HandlerWorkStatus.DeadLettered),
            Work(ids[1], "forward:crm", HandlerWorkStatus.DeadLettered),
            Work(ids[2], "forward:crm", HandlerWorkStatus.Succeeded));

        var summaries = (await _health.SummariesAsync(CancellationToken.None)).ToDictionary(s => s.Name);

        var projection = summaries["projection"];
        var crm = summaries["forward:crm"];
        Assert.Equal((2, 1, 0), (projection.Waiting, projection.Retrying, projection.DeadLetters));
        Assert.Equal((0, 0, 2), (crm.Waiting, crm.Retrying, crm.DeadLetters));
    }

    [Fact]
    public async Task RecentFailuresAreTheNewestFailedRunsOfTheDayWithTheirEvent()
    {
        var ids = await StoreEventsAsync("USER_CREATED", "COURSE_FINISHED");
        await AddAsync(
            Run(ids[0], "projection", 3, succeeded: false, TimeSpan.FromMinutes(30), "projection broke"),
            Run(ids[1], "forward:crm", 8, succeeded: false, TimeSpan.FromMinutes(5), "<b>502</b> from crm"),
            Run(ids[1], "forward:crm", 8, succeeded: true, TimeSpan.FromMinutes(1)),
            Run(ids[0], "forward:crm", 8, succeeded: false, TimeSpan.FromHours(30), "too old"),
            Run(ids[0], "forward:crm", 8, succeeded: false, TimeSpan.FromMinutes(50), "third newest"));

        var failures = await _health.RecentFailuresAsync(2, CancellationToken.None);

        Assert.Equal(["<b>502</b> from crm", "projection broke"], failures.Select(f => f.Error));
        Assert.Equal((ids[1], "COURSE_FINISHED", "forward:crm", 1),
            (failures[0].EventId, failures[0].EventType, failures[0].HandlerName, failures[0].Attempt));
    }

    [Fact]
    public async Task DeadLettersAreEventsNewestFirstWithTheHandlersThatGaveUpPagedAndCounted()
    {
        var ids = await StoreEventsAsync("USER_CREATED", "USER_UPDATED", "GROUP_CREATED");
        await AddAsync(
            Work(ids[0], "projection", HandlerWorkStatus.DeadLettered, "unreadable"),
            Work(ids[0], "forward:crm", HandlerWorkStatus.DeadLettered, "crm down"),
            Work(ids[1], "forward:crm", HandlerWorkStatus.Succeeded),
            Work(ids[2], "forward:crm", HandlerWorkStatus.DeadLettered, "crm down"));

        var first = await _health.DeadLettersAsync(0, 1, CancellationToken.None);
        var second = await _health.DeadLettersAsync(1, 1, CancellationToken.None);
        var beyond = await _health.DeadLettersAsync(2, 1, CancellationToken.None);

        Assert.Equal((2, 2, 2), (first.Total, second.Total, beyond.Total));
        Assert.Equal(ids[2], Assert.Single(first.Items).EventId);
        var older = Assert.Single(second.Items);
        Assert.Equal((ids[0], "USER_CREATED"), (older.EventId, older.EventType));
        Assert.Equal(["forward:crm", "projection"], older.Handlers);
        Assert.Empty(beyond.Items);
    }
}
