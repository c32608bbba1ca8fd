using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Keeps the search tables up to date in the background: every <see cref="PollInterval"/> it indexes the
/// events stored since its cursor, in batches of its own transactions, so the intake's transactions carry no
/// search work. Its transactions are kept short (the batch size adapts so that one holds the write lock for
/// about <see cref="TargetWriteTime"/>), because the intake waits for the lock meanwhile. A backlog (after an
/// upgrade, or a flood) is worked off batch by batch, pausing after each batch twice as long as it took: the
/// indexer then uses at most a third of a core, and a flood of deliveries keeps the rest. Searches read the
/// events it has not reached yet directly.
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
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int indexed;
                var full = false;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    connection ??= database.OpenConnection(pooled: false);
                    var writer = new SearchIndexWriter(connection);
                    indexed = writer.IndexNext(batchSize);
                    full = indexed == batchSize;
                    batchSize = writer.LastWriteTime > TargetWriteTime * 1.5 ? Math.Max(MinBatchSize, batchSize / 2)
                        : full && writer.LastWriteTime < TargetWriteTime / 2 ? Math.Min(MaxBatchSize, batchSize * 2)
                        : batchSize;
                }
                catch (SqliteException ex)
                {
                    IndexingFailed(logger, ex);
                    connection?.Dispose();
                    connection = null;
                    indexed = 0;
                }

                var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                var pause = full ? Max(took * 2, MinimumPause) : Max(took, PollInterval);
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing events for search failed; trying again shortly.")]
    private static partial void IndexingFailed(ILogger logger, Exception exception);
}
