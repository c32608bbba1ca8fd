using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Tests.Support;

/// <summary>A migrated SQLite database in a temporary folder, for testing storage parts without the web host.</summary>
public sealed class TestDatabase : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pluvo-db-").FullName;

    public TestDatabase()
    {
        Settings = new SqliteSettings($"Data Source={Path.Combine(_folder, "pluvo.db")}", _folder);
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    public SqliteSettings Settings { get; }

    public PluvoDbContext CreateDbContext() => new(
        new DbContextOptionsBuilder<PluvoDbContext>().UseSqlite(Settings.ConnectionString).Options);

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(Settings.ConnectionString + ";Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
