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
/// webhook key. Settings can be overridden per test with <see cref="With"/> before the first request. Its
/// clients speak https, as the app's Secure cookies need. When it is disposed, it fails the test if any
/// secret it knows of (keys, passwords, API tokens, the connection string) appears in its log.
/// </summary>
public sealed class PluvoApp : WebApplicationFactory<Program>
{
    public const string WebhookKey = "test-webhook-key-\u00e9\u00e8";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Pluvo:WebhookKey"] = WebhookKey,
    };

    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly bool _ownsFolder;

    /// <param name="folder">An existing folder whose database to use (a restart); by default a new one.</param>
    public PluvoApp(string? folder = null)
    {
        _ownsFolder = folder is null;
        Folder = folder ?? Directory.CreateTempSubdirectory("pluvo-test-").FullName;
        _settings["ConnectionStrings:Pluvo"] = $"Data Source={DatabasePath}";
        _settings["Handlers:Retry:BaseDelay"] = "00:00:00.010";
        _settings["Handlers:Retry:MaxDelay"] = "00:00:00.050";
        _settings["Handlers:PollInterval"] = "00:00:00.050";
        _settings["Handlers:GatherDelay"] = "00:00:00.005";

        // The app's own messages in full, so the log checks see what a Debug log in production would hold.
        _settings["Logging:LogLevel:PluvoDashboard"] = "Debug";
        ClientOptions.BaseAddress = new Uri("https://localhost");
    }

    /// <summary>The temporary folder holding this app's database.</summary>
    public string Folder { get; }

    public string DatabasePath => Path.Combine(Folder, "pluvo.db");

    /// <summary>Every log line the app wrote, for checks that secrets never reach the log.</summary>
    public CapturedLog Log { get; } = new();

    /// <summary>Values that must never reach the log; settings named like keys are added when the app starts.</summary>
    public HashSet<string> KnownSecrets { get; } = [WebhookKey, TestAccounts.Password];

    private HttpClient? _adminClient;

    /// <summary>One client for the test, signed in as an admin through the sign-in form.</summary>
    public async Task<HttpClient> AdminClientAsync() => _adminClient ??= await this.SignedInClientAsync();

    public PluvoApp With(string setting, string? value)
    {
        _settings[setting] = value;
        return this;
    }

    /// <summary>Adds services, such as handlers written for a test, before the app starts.</summary>
    public PluvoApp WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>A client that keeps cookies but shows redirects instead of following them.</summary>
    public HttpClient CreateClientWithoutRedirects() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = ClientOptions.BaseAddress,
    });

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
        builder.ConfigureServices(services => _services.ForEach(configure => configure(services)));
    }

    protected override void Dispose(bool disposing)
    {
        _adminClient?.Dispose();
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            AssertNoSecretInLog();
        }
        finally
        {
            DeleteFolder();
        }
    }

    /// <summary>Every secret this app was given or made, looked for in everything it logged.</summary>
    public void AssertNoSecretInLog()
    {
        var secrets = KnownSecrets
            .Concat(_settings.Where(s => IsSecretSetting(s.Key)).Select(s => s.Value))
            .Where(s => s is { Length: >= 8 })
            .ToList();
        var text = Log.AllText;
        var leaked = secrets.Where(s => text.Contains(s!, StringComparison.Ordinal)).ToList();
        Assert.True(leaked.Count == 0,
            $"The log holds {leaked.Count} secret(s), among them one starting '{leaked.FirstOrDefault()?[..4]}'.");
    }

    private static bool IsSecretSetting(string key) =>
        key.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
        || key.Contains("WebhookKeys", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase);

    private void DeleteFolder()
    {
        if (!_ownsFolder)
        {
            return;
        }

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
