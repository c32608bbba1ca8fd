using PluvoDashboard.Intake;

namespace PluvoDashboard.Cli;

/// <summary>
/// Where the commands post and with which key. Unless given on the command line, both come from the app's
/// own configuration, read as the web app reads it: appsettings.json, appsettings.{Environment}.json, user
/// secrets in Development, environment variables, then command-line settings.
/// </summary>
public sealed record ReceiverSettings(Uri Url, string WebhookKey)
{
    public const string DefaultAddress = "http://localhost:5080";

    private static readonly string[] Wildcards = ["0.0.0.0", "[::]", "+", "*"];

    /// <exception cref="UsageException">No key is given or configured.</exception>
    public static ReceiverSettings Resolve(CommandOptions options)
    {
        var configuration = LoadConfiguration(options.ConfigurationArgs);
        var url = options.Url("url")
            ?? WebhookUrl((configuration["urls"] ?? "").Split(';'))
            ?? new Uri(DefaultAddress + IntakeEndpoints.WebhookPath);
        var key = options.Text("key") ?? configuration[$"{PluvoWebhookOptions.Section}:WebhookKey"];
        if (string.IsNullOrWhiteSpace(key))
        {
            throw new UsageException(
                "No webhook key: pass --key KEY, or set Pluvo__WebhookKey " +
                "(or Pluvo:WebhookKey in appsettings).");
        }

        return new ReceiverSettings(url, key);
    }

    public static IConfiguration LoadConfiguration(string[] configurationArgs)
    {
        // Host settings come first, as they choose which files the rest is read from.
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(configurationArgs)
            .Build();
        var environment = host["environment"] is { Length: > 0 } named ? named : Environments.Production;

        var builder = new ConfigurationBuilder()
            .SetBasePath(host["contentRoot"] ?? ContentRoot())
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true);
        if (string.Equals(environment, Environments.Development, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddUserSecrets(typeof(Program).Assembly, optional: true);
        }

        return builder.AddEnvironmentVariables().AddCommandLine(configurationArgs).Build();
    }

    /// <summary>
    /// The webhook URL on the first plain-http listen address, with a wildcard host (<c>0.0.0.0</c>,
    /// <c>[::]</c>, <c>+</c>, <c>*</c>) replaced by localhost; null when there is none.
    /// </summary>
    public static Uri? WebhookUrl(IEnumerable<string> listenAddresses)
    {
        const string scheme = "http://";
        var address = listenAddresses.Select(a => a.Trim())
            .FirstOrDefault(a => a.StartsWith(scheme, StringComparison.OrdinalIgnoreCase));
        if (address is null)
        {
            return null;
        }

        var hostAndPort = address[scheme.Length..].TrimEnd('/');
        var wildcard = Wildcards.FirstOrDefault(
            w => hostAndPort == w || hostAndPort.StartsWith(w + ":", StringComparison.Ordinal));
        if (wildcard is not null)
        {
            hostAndPort = "localhost" + hostAndPort[wildcard.Length..];
        }

        var text = scheme + hostAndPort + IntakeEndpoints.WebhookPath;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
    }

    /// <summary>
    /// The current directory when it holds appsettings.json, as it does for the web app started from its
    /// project folder; otherwise the folder of the executable, where the build copies the settings files.
    /// </summary>
    private static string ContentRoot()
    {
        var current = Directory.GetCurrentDirectory();
        return File.Exists(Path.Combine(current, "appsettings.json")) ? current : AppContext.BaseDirectory;
    }
}
