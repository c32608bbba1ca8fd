using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Keeps the search tables up to date in the background: every <see cref="PollInterval"/> it indexes the
/// events stored since its cursor, in batches of its own transactions, so the intake's transactions carry no
/// search work. A backlog (after an upgrade, or a flood) is worked off batch by batch, pausing after each
/// batch for as long as it took: the indexer then uses at most half a core and half the write lock's time,
/// and a flood of deliveries keeps the rest. Searches read the events it has not reached yet directly.
/// </summary>
public sealed partial class SearchIndexer(SqliteSettings database, ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>How often it looks for new events; searches read the newest events directly meanwhile.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan MinimumPause = TimeSpan.FromMilliseconds(5);
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int indexed;
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    connection ??= database.OpenConnection(pooled: false);
                    indexed = new SearchIndexWriter(connection).IndexNext(BatchSize);
                }
                catch (SqliteException ex)
                {
                    IndexingFailed(logger, ex);
                    connection?.Dispose();
                    connection = null;
                    indexed = 0;
                }

                var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
                var pause = indexed == BatchSize ? Max(took, MinimumPause) : Max(took, PollInterval);
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
