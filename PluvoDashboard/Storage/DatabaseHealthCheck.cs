using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PluvoDashboard.Storage;

/// <summary>Healthy when a fresh connection can read the events table.</summary>
internal sealed class DatabaseHealthCheck(SqliteSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default)
    {
        // A pooled connection could still hold a file that has since gone away; open a new one.
        var connectionString = new SqliteConnectionStringBuilder(settings.ConnectionString)
        {
            Pooling = false,
            Mode = SqliteOpenMode.ReadWrite,
        }.ConnectionString;
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM (SELECT 1 FROM WebhookEvents LIMIT 1)";
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("The database is reachable.");
        }
        catch (SqliteException ex)
        {
            // The message names the failure (e.g. "unable to open database file"), never the path or settings.
            return HealthCheckResult.Unhealthy($"The database is not reachable: {ex.Message}");
        }
    }
}
