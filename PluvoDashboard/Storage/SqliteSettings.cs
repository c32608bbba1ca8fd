using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PluvoDashboard.Storage;

/// <summary>
/// The SQLite database in use: its connection string with a relative file resolved against the content
/// root, and the settings every connection gets.
/// </summary>
public sealed class SqliteSettings
{
    public const string DefaultConnectionString = "Data Source=data/pluvo.db";

    public SqliteSettings(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        var isFile = builder.Mode != SqliteOpenMode.Memory
            && !string.IsNullOrEmpty(builder.DataSource)
            && builder.DataSource != ":memory:";
        if (isFile && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (isFile)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        ConnectionString = builder.ConnectionString;
        FilePath = isFile ? builder.DataSource : null;
    }

    public string ConnectionString { get; }

    /// <summary>The database file, or null for an in-memory database.</summary>
    public string? FilePath { get; }

    /// <summary>
    /// Run on every new connection. <c>synchronous=FULL</c> makes a commit survive a power loss, not only a
    /// crash, which is what a 2xx answer to Pluvo promises.
    /// </summary>
    public const string ConnectionPragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;";

    public SqliteConnection OpenConnection(bool pooled = true)
    {
        var connection = new SqliteConnection(
            pooled
                ? ConnectionString
                : new SqliteConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = ConnectionPragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Applies <see cref="ConnectionPragmas"/> to the connections EF Core opens.</summary>
    internal sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(
            DbConnection connection,
            ConnectionEndEventData eventData,
            CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ConnectionPragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
