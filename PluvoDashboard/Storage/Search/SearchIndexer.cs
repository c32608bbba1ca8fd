using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Keeps the search tables up to date in the background: every <see cref="PollInterval"/> it indexes the
/// events stored since its cursor, in batches of its own transactions, so the intake's transactions carry no
/// search work. Its transactions are kept short (the batch size adapts so that one holds the write lock for
/// about <see cref="TargetWriteTime"/>), because the intake waits for the lock meanwhile. A backlog (after an
/// upgrade) is worked off batch by batch, pausing after each batch twice as long as it took, so the indexer
/// uses at most a third of a core. While deliveries flood in, it indexes one batch every 30 seconds only.
/// Searches read the events it has not reached yet directly, so they stay complete, if slower, meanwhile.
/// </summary>
public sealed partial class SearchIndexer(SqliteSettings database, ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>How often it looks for new events; searches read the newest events directly meanwhile.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one indexing transaction should hold the write lock.</summary>
    public static readonly TimeSpan TargetWriteTime = TimeSpan.FromMilliseconds(15);

    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(5);
    private const int MinBatchSize = 10;
    private const int MaxBatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        var batchSize = 100;
        var arrivals = new ArrivalRate();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var pause = PollInterval;
                try
                {
                    connection ??= database.OpenConnection(pooled: false);
                    if (!arrivals.FloodSaysWait(connection))
                    {
                        var started = Stopwatch.GetTimestamp();
                        var writer = new SearchIndexWriter(connection);
                        var indexed = writer.IndexNext(batchSize);
                        var full = indexed == batchSize;
                        batchSize = writer.LastWriteTime > TargetWriteTime * 1.5 ? Math.Max(MinBatchSize, batchSize / 2)
                            : full && writer.LastWriteTime < TargetWriteTime / 2 ? Math.Min(MaxBatchSize, batchSize * 2)
                            : batchSize;
                        var took = Stopwatch.GetElapsedTime(started);
                        pause = full ? Max(took * 2, MinimumPause) : Max(took, PollInterval);
                    }
                }
                catch (SqliteException ex)
                {
                    IndexingFailed(logger, ex);
                    connection?.Dispose();
                    connection = null;
                }

                await Task.Delay(pause, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the cursor says where to go on.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// Watches how fast events arrive. During a flood (more than <see cref="FloodRate"/> a second) indexing
    /// waits, so the intake has the machine and the write lock to itself, but never more than
    /// <see cref="LongestWait"/> at a time.
    /// </summary>
    private sealed class ArrivalRate
    {
        private const double FloodRate = 1000;
        private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(30);

        private long _lastId = -1;
        private long _lastLook;
        private long? _waitingSince;

        public bool FloodSaysWait(SqliteConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(Id), 0) FROM WebhookEvents";
            var newest = (long)command.ExecuteScalar()!;
            var now = Stopwatch.GetTimestamp();
            var seconds = Stopwatch.GetElapsedTime(_lastLook, now).TotalSeconds;
            var flood = _lastId >= 0 && (newest - _lastId) / seconds > FloodRate;
            _lastId = newest;
            _lastLook = now;
            if (flood && (_waitingSince is not { } since || Stopwatch.GetElapsedTime(since, now) < LongestWait))
            {
                _waitingSince ??= now;
                return true;
            }

            _waitingSince = null;
            return false;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing events for search failed; trying again shortly.")]
    private static partial void IndexingFailed(ILogger logger, Exception exception);
}
