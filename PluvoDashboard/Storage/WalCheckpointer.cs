using Microsoft.Data.Sqlite;

namespace PluvoDashboard.Storage;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background. The intake writer turns off
/// SQLite's own checkpoints, which would otherwise run inside its commits and hold up every delivery
/// waiting for an answer. A passive checkpoint never blocks readers or the writer.
/// </summary>
internal sealed class WalCheckpointer(SqliteSettings settings, ILogger<WalCheckpointer> logger)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Checkpoint("PASSIVE");
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);

        // Leave a short log behind, so the next start-up has little to recover.
        Checkpoint("TRUNCATE");
    }

    private void Checkpoint(string mode)
    {
        try
        {
            using var connection = settings.OpenConnection();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode});";
            command.ExecuteNonQuery();
        }
        catch (SqliteException ex)
        {
            StorageLog.CheckpointFailed(logger, ex, mode);
        }
    }
}
