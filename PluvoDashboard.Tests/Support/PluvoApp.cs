using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Tests.Support;

/// <summary>
/// The real app on a test server, with its own SQLite file in a fresh temporary folder and a known
/// webhook key. Settings can be overridden per test with <see cref="With"/> before the first request.
/// </summary>
public sealed class PluvoApp : WebApplicationFactory<Program>
{
    public const string WebhookKey = "test-webhook-key-\u00e9\u00e8";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Pluvo:WebhookKey"] = WebhookKey,
    };

    public PluvoApp()
    {
        Folder = Directory.CreateTempSubdirectory("pluvo-test-").FullName;
        _settings["ConnectionStrings:Pluvo"] = $"Data Source={DatabasePath}";
    }

    /// <summary>The temporary folder holding this app's database.</summary>
    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "pluvo.db");

    /// <summary>Every log line the app wrote, for checks that secrets never reach the log.</summary>
    public CapturedLog Log { get; } = new();

    public PluvoApp With(string setting, string? value)
    {
        _settings[setting] = value;
        return this;
    }

    public PluvoDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<PluvoDbContext>>().CreateDbContext();

    /// <summary>A connection of the test's own to the app's database, for locking it or adding triggers.</summary>
    public SqliteConnection OpenDatabase()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Log));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is removed with the rest of the temporary folder later.
        }
    }
}
