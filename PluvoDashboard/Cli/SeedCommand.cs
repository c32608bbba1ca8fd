using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Intake;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;

namespace PluvoDashboard.Cli;

/// <summary>What a seeding run makes.</summary>
public sealed record SeedSettings(int Count, int Days, int Seed, bool Append, bool ReadModels = true);

/// <summary>
/// <c>seed</c>: fills a database with the history of simulated organisations, as if it had been received:
/// real signed-body shapes, received times spread over the days with a working-day rhythm, mostly processed
/// with a few failing and dead-lettered events; then the search index, statistics and read models.
/// </summary>
public static class SeedCommand
{
    public const string Usage = """
        Usage: PluvoDashboard seed [--count N] [--days N] [--seed N] [--database PATH] [--read-models yes|no]
                                   [--append]

        Fills a database with a realistic received history of simulated organisations, then builds its search
        index, statistics and read models, as the running app would have.
          --count N         events to store (default 100000)
          --days N          spread them over the last N days, busiest on working days (default 90)
          --seed N          makes the history repeatable (default 1)
          --database PATH   the SQLite file; default: the app's configured database (ConnectionStrings:Pluvo)
          --read-models yes|no  project the events into the read models (default yes; about 700 events/s)
          --append          add to a database that already holds events (refused otherwise)

        Exit code: 0 when done, 1 when refused or failed, 2 for usage errors.

        """;

    private static readonly string[] Switches = ["append"];
    private const int EventsPerCommit = 20_000;

    // The simulation's choices grow slower as an organisation's history grows, so each organisation lives for
    // a limited number of events and is then replaced by a new one: many small organisations side by side.
    private const int EventsPerOrganisation = 1_500;
    private const int OrganisationsAtOnce = 8;

    private static readonly string[] OptionNames = ["count", "days", "seed", "database", "read-models"];

    private const string InsertSql = """
        INSERT INTO WebhookEvents (ReceivedAt, SentDate, EventType, Family, SubjectId, SubjectRef,
            UserId, UserName, UserEmail, TrainingId, TrainingTitle, RawBody, BodyHash, Headers,
            SignatureReading, SignatureKey, Status, ParseError, DuplicateCount)
        VALUES ($at, $sent, $type, $family, $subject, $subjectRef, $user, $userName, $userEmail,
            $training, $trainingTitle, $body, $hash, $headers, 'sha1-key/base64url', 'current', $status, NULL, 0)
        RETURNING Id
        """;

    private const string WorkSql = """
        INSERT INTO HandlerWork (EventId, HandlerName, Status, Attempts, AttemptsInRound, DueAt, LastError,
            IsReplay, RequestedBy, UpdatedAt)
        VALUES ($id, $handler, $status, $attempts, $attempts, $due, $error, 0, NULL, $at)
        """;

    private const string RunSql = """
        INSERT INTO HandlerRuns (EventId, HandlerName, Attempt, StartedAt, DurationMs, Succeeded, Error,
            ResponseStatus, IsReplay, RequestedBy)
        VALUES ($id, $handler, $attempt, $at, 3.5, 0, $error, NULL, 0, NULL)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken stop)
    {
        var options = CommandOptions.Parse(args, OptionNames, Switches);
        var append = options.Has("append");
        if (options.Help)
        {
            output.Write(Usage);
            return 0;
        }

        if (options.Arguments.Count > 0)
        {
            throw new UsageException($"seed takes only options, but got '{options.Arguments[0]}'.");
        }

        var settings = new SeedSettings(
            options.Number("count", 100_000, minimum: 1),
            options.Number("days", 90, minimum: 1),
            options.Number("seed", 1),
            append,
            options.Text("read-models")?.ToLowerInvariant() switch
            {
                null or "yes" => true,
                "no" => false,
                var other => throw new UsageException($"Option '--read-models' must be yes or no, not '{other}'."),
            });
        var configuration = ReceiverSettings.LoadConfiguration(options.ConfigurationArgs);
        var connectionString = options.Text("database") is { } path
            ? $"Data Source={Path.GetFullPath(path)}"
            : configuration.GetConnectionString("Pluvo");
        var database = new SqliteSettings(connectionString, Directory.GetCurrentDirectory());
        return await RunAsync(database, settings, output, stop) ? 0 : 1;
    }

    /// <summary>Seeds the database; false when it was refused because it already holds events.</summary>
    public static async Task<bool> RunAsync(
        SqliteSettings database,
        SeedSettings settings,
        TextWriter output,
        CancellationToken stop)
    {
        await using var services = Services(database);
        var dbFactory = services.GetRequiredService<IDbContextFactory<PluvoDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(stop))
        {
            await db.Database.MigrateAsync(stop);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", stop);
            if (!settings.Append && await db.WebhookEvents.AnyAsync(stop))
            {
                output.WriteLine($"{database.FilePath ?? "The database"} already holds events; " +
                    "pass --append to add to them.");
                return false;
            }
        }

        output.WriteLine($"Seeding {settings.Count:N0} events over {settings.Days} days (seed {settings.Seed}) " +
            $"into {database.FilePath ?? database.ConnectionString}");
        var total = Stopwatch.StartNew();

        var phase = Stopwatch.StartNew();
        long lastId;
        using (var connection = database.OpenConnection(pooled: false))
        {
            lastId = InsertEvents(connection, settings, output, stop);
        }

        Report(output, "events stored", settings.Count, phase);

        phase.Restart();
        using (var connection = database.OpenConnection(pooled: false))
        {
            var writer = new SearchIndexWriter(connection);
            var indexed = 0L;
            int batch;
            while ((batch = writer.IndexNext(20_000)) > 0)
            {
                stop.ThrowIfCancellationRequested();
                indexed += batch;
                output.WriteLine($"  indexed {indexed:N0}");
            }

            Report(output, "events indexed for search", indexed, phase);
        }

        if (settings.ReadModels)
        {
            phase.Restart();
            var rebuilder = services.GetRequiredService<ReadModelRebuilder>();
            var projected = await rebuilder.RebuildAsync(Actor.CommandLine("seed"), stop);
            Report(output, "events projected into the read models", projected, phase);
        }

        // The dispatcher has nothing to plan for the seeded events: their work is done or recorded above.
        await using (var db = await dbFactory.CreateDbContextAsync(stop))
        {
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO DispatcherCursors (Name, LastPlannedEventId) VALUES ({0}, {1}) " +
                "ON CONFLICT (Name) DO UPDATE SET " +
                "LastPlannedEventId = MAX(LastPlannedEventId, excluded.LastPlannedEventId)",
                [DispatcherCursor.Main, lastId], stop);
        }

        Report(output, "Done", settings.Count, total);
        return true;
    }

    private static ServiceProvider Services(SqliteSettings database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<PluvoDbContext>(options => options
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(new SqliteSettings.PragmaInterceptor()));
        services.AddSingleton<ProjectionHandler>();
        services.AddSingleton<ReadModelRebuilder>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton(TimeProvider.System);
        return services.BuildServiceProvider();
    }

    private static void Report(TextWriter output, string what, long rows, Stopwatch elapsed)
    {
        var seconds = elapsed.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {rows:N0} rows in {seconds:F1} s ({rows / Math.Max(seconds, 0.001):N0} rows/s)"));
    }

    /// <summary>Stores the events in large transactions of prepared statements; returns the last id.</summary>
    private static long InsertEvents(
        SqliteConnection connection,
        SeedSettings settings,
        TextWriter output,
        CancellationToken stop)
    {
        var random = new Random(settings.Seed);
        var times = new ReceivedTimes(random, settings.Count, settings.Days, DateTimeOffset.UtcNow);
        var organisations = new SimulatedOrganisation[OrganisationsAtOnce];
        var drawn = new int[OrganisationsAtOnce];
        var received = DateTimeOffset.MinValue;

        // Sent a fraction of a second before it was received, as a real delivery is.
        SimulatedOrganisation NewOrganisation() =>
            new(new Random(random.Next()), () => received.AddMilliseconds(-random.Next(20, 900)));

        SqliteTransaction? transaction = null;
        using var insert = Prepare(connection, InsertSql, "$at", "$sent", "$type", "$family", "$subject",
            "$subjectRef", "$user", "$userName", "$userEmail", "$training", "$trainingTitle", "$body", "$hash",
            "$headers", "$status");
        using var work = Prepare(connection, WorkSql, "$id", "$handler", "$status", "$attempts", "$due", "$error",
            "$at");
        using var run = Prepare(connection, RunSql, "$id", "$handler", "$attempt", "$at", "$error");
        var lastId = 0L;
        var progress = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < settings.Count; i++)
            {
                if (i % EventsPerCommit == 0)
                {
                    stop.ThrowIfCancellationRequested();
                    transaction?.Commit();
                    transaction?.Dispose();
                    transaction = connection.BeginTransaction();
                    insert.Transaction = work.Transaction = run.Transaction = transaction;
                    if (i > 0 && progress.Elapsed > TimeSpan.FromSeconds(1))
                    {
                        output.WriteLine($"  stored {i:N0}");
                        progress.Restart();
                    }
                }

                received = times.Next();
                var o = random.Next(organisations.Length);
                if (organisations[o] is null || drawn[o] == EventsPerOrganisation)
                {
                    organisations[o] = NewOrganisation();
                    drawn[o] = 0;
                }

                drawn[o]++;
                var delivery = organisations[o].Next();
                var envelope = EnvelopeReader.Read(delivery.Body).Envelope!;
                var status = Status(random);
                Bind(insert, received.ToUnixTimeMilliseconds(), envelope.SentDate?.ToUnixTimeMilliseconds(),
                    envelope.EventType, envelope.Family.ToString(), envelope.SubjectId, envelope.SubjectRef,
                    envelope.UserId, envelope.UserName, envelope.UserEmail, envelope.TrainingId,
                    envelope.TrainingTitle, delivery.Body, SHA256.HashData(delivery.Body),
                    $$"""{"Content-Type":"application/json","X-Signature-Salt":"{{random.Next():x8}}"}""",
                    status.ToString());
                lastId = (long)insert.ExecuteScalar()!;
                if (status != EventStatus.Processed)
                {
                    RecordFailure(work, run, lastId, status, received, random);
                }
            }

            transaction?.Commit();
        }
        finally
        {
            transaction?.Dispose();
        }

        return lastId;
    }

    /// <summary>Mostly processed; about 1 in 200 failing (retrying) and 1 in 500 dead-lettered.</summary>
    private static EventStatus Status(Random random) => random.Next(1000) switch
    {
        < 5 => EventStatus.Failing,
        < 7 => EventStatus.DeadLettered,
        _ => EventStatus.Processed,
    };

    private static void RecordFailure(
        SqliteCommand work,
        SqliteCommand run,
        long eventId,
        EventStatus status,
        DateTimeOffset received,
        Random random)
    {
        const string error = "SqliteException: database is locked (simulated)";
        var dead = status == EventStatus.DeadLettered;
        var attempts = dead ? 8 : random.Next(1, 4);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            Bind(run, eventId, ProjectionHandler.HandlerName, attempt,
                received.AddSeconds(attempt * attempt).ToUnixTimeMilliseconds(), error);
            run.ExecuteNonQuery();
        }

        // A failing event is retried half an hour after seeding, when the app may be running.
        var due = dead ? (long?)null : DateTimeOffset.UtcNow.AddMinutes(30).ToUnixTimeMilliseconds();
        Bind(work, eventId, ProjectionHandler.HandlerName, dead ? "DeadLettered" : "Failing", attempts, due, error,
            received.ToUnixTimeMilliseconds());
        work.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>
    /// Received times over the last days in rising order: more on working days, most in office hours, a
    /// little at night. The events are shared out over the hours by weight, then spread within each hour.
    /// </summary>
    private sealed class ReceivedTimes
    {
        private readonly Random _random;
        private readonly DateTimeOffset _start;
        private readonly int[] _perHour;
        private readonly List<long> _pending = [];
        private int _hour = -1;

        public ReceivedTimes(Random random, int count, int days, DateTimeOffset now)
        {
            _random = random;
            var end = EventSearch.HourOf(now);
            _start = end.AddHours(-24 * days);
            var weights = new double[24 * days];
            for (var h = 0; h < weights.Length; h++)
            {
                var at = _start.AddHours(h);
                var workday = at.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
                var hour = at.Hour;
                var daily = hour is >= 7 and < 18 ? 1.0 - Math.Abs(hour - 12) * 0.06 : 0.06;
                weights[h] = daily * (workday ? 1.0 : 0.25);
            }

            var sum = weights.Sum();
            _perHour = [.. weights.Select(w => (int)(w / sum * count))];
            _perHour[^1] += count - _perHour.Sum();
        }

        public DateTimeOffset Next()
        {
            while (_pending.Count == 0)
            {
                _hour++;
                for (var i = 0; i < _perHour[_hour]; i++)
                {
                    _pending.Add(_random.NextInt64(3_600_000));
                }

                _pending.Sort((a, b) => b.CompareTo(a));
            }

            var ms = _pending[^1];
            _pending.RemoveAt(_pending.Count - 1);
            return _start.AddHours(_hour).AddMilliseconds(ms);
        }
    }
}
