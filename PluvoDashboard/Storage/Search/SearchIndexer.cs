using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage.Search;

/// <summary>
/// Keeps the search tables up to date in the background: every <see cref="PollInterval"/> it indexes the
/// events stored since its cursor, in batches of its own transactions, so the intake's transactions carry no
/// search work. A backlog (after an upgrade, or a flood) is worked off batch by batch, with a short pause
/// between batches that lets the intake take the write lock.
/// </summary>
public sealed partial class SearchIndexer(SqliteSettings database, ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>How often it looks for new events; searches read the newest events directly meanwhile.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private static readonly TimeSpan BetweenBatches = TimeSpan.FromMilliseconds(5);
    private const int BatchSize = 1000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int indexed;
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

                await Task.Delay(indexed == BatchSize ? BetweenBatches : PollInterval, stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Indexing events for search failed; trying again shortly.")]
    private static partial void IndexingFailed(ILogger logger, Exception exception);
}
