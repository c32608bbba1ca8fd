using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Once an hour, deletes the events received longer ago than <see cref="RetentionOptions.Days"/>, with their
/// handler runs and work, their search rows and their share of the hourly counts. It works in small batches,
/// each its own short transaction, so the intake never waits long for the write lock. Read models stay.
/// </summary>
public sealed partial class RetentionService(
    SqliteSettings database,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Days == 0)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var cutoff = time.GetUtcNow().AddDays(-options.Value.Days);
                    var deleted = await DeleteOlderThanAsync(cutoff, stoppingToken);
                    if (deleted > 0)
                    {
                        Deleted(logger, deleted, options.Value.Days);
                    }
                }
                catch (SqliteException ex)
                {
                    Failed(logger, ex);
                }

                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the next start goes on where this one left off.
        }
    }

    /// <summary>Deletes every event received before <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<long> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken ct)
    {
        using var connection = database.OpenConnection(pooled: false);
        var total = 0L;
        int deleted;
        do
        {
            deleted = DeleteBatch(connection, cutoff.ToUnixTimeMilliseconds());
            total += deleted;
            await Task.Yield();
        }
        while (deleted == BatchSize && !ct.IsCancellationRequested);

        return total;
    }

    private static int DeleteBatch(SqliteConnection connection, long cutoff)
    {
        using var transaction = connection.BeginTransaction(deferred: false);

        // Ids follow the time received, except within a moment; the events of the old hours have ids up to
        // the highest of those hours, and events not yet indexed are checked one by one.
        using var find = Command(connection, transaction, $"""
            SELECT Id, ReceivedAt - ReceivedAt % 3600000, COALESCE(EventType, ''),
                Id <= (SELECT COALESCE(MAX(LastIndexedEventId), 0) FROM SearchCursors)
            FROM WebhookEvents
            WHERE ReceivedAt < $cutoff AND Id <= MAX(
                (SELECT COALESCE(MAX(LastEventId), 0) FROM EventHourCounts WHERE Hour <= $cutoff),
                (SELECT COALESCE(MAX(LastIndexedEventId), 0) FROM SearchCursors) + $batch)
            ORDER BY Id LIMIT $batch
            """);
        find.Parameters.AddWithValue("$cutoff", cutoff);
        find.Parameters.AddWithValue("$batch", BatchSize);
        var ids = new List<long>();
        var hours = new Dictionary<(long Hour, string Type), long>();
        using (var reader = find.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetInt64(0));
                if (reader.GetInt64(3) == 1)
                {
                    var key = (reader.GetInt64(1), reader.GetString(2));
                    hours[key] = hours.GetValueOrDefault(key) + 1;
                }
            }
        }

        if (ids.Count == 0)
        {
            return 0;
        }

        var list = string.Join(", ", ids);
        foreach (var sql in new[]
        {
            $"DELETE FROM HandlerRuns WHERE EventId IN ({list})",
            $"DELETE FROM HandlerWork WHERE EventId IN ({list})",
            $"DELETE FROM SearchKeys WHERE EventId IN ({list})",
            $"DELETE FROM EventText WHERE rowid IN ({list})",
            $"DELETE FROM WebhookEvents WHERE Id IN ({list})",
        })
        {
            using var delete = Command(connection, transaction, sql);
            delete.ExecuteNonQuery();
        }

        using var count = Command(connection, transaction,
            "UPDATE EventHourCounts SET Count = Count - $n WHERE Hour = $hour AND EventType = $type");
        foreach (var ((hour, type), n) in hours)
        {
            count.Parameters.Clear();
            count.Parameters.AddWithValue("$n", n);
            count.Parameters.AddWithValue("$hour", hour);
            count.Parameters.AddWithValue("$type", type);
            count.ExecuteNonQuery();
        }

        using var empty = Command(connection, transaction, "DELETE FROM EventHourCounts WHERE Count <= 0");
        empty.ExecuteNonQuery();
        transaction.Commit();
        return ids.Count;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retention deleted {Count} events received more than {Days} days ago.")]
    private static partial void Deleted(ILogger logger, long count, int days);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention failed; it tries again in an hour.")]
    private static partial void Failed(ILogger logger, Exception exception);
}
