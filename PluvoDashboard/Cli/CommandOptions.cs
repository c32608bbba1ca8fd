using System.Globalization;

namespace PluvoDashboard.Cli;

/// <summary>A mistake in how a command was called; it ends the command with exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The options a verb was given, as <c>--name value</c> or <c>--name=value</c>, its switches (<c>--name</c>
/// alone), and its other arguments.
/// Options the web app would read as configuration (<c>--urls</c>, <c>--environment</c>, any
/// <c>--Section:Key</c>) are set aside for the configuration, so the CLI reads settings the same way.
/// </summary>
public sealed class CommandOptions
{
    private static readonly string[] HostSettings = ["urls", "environment", "contentRoot"];

    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> switchesGiven = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> arguments = [];
    private readonly List<string> configurationArgs = [];

    private CommandOptions()
    {
    }

    public bool Help { get; private set; }

    /// <summary>The arguments that are not options, in order.</summary>
    public IReadOnlyList<string> Arguments => arguments;

    /// <summary>The options meant for the configuration, as <c>--name=value</c>.</summary>
    public string[] ConfigurationArgs => [.. configurationArgs];

    /// <param name="names">The option names the verb takes, without dashes.</param>
    /// <param name="switches">The switches the verb takes, without dashes; they have no value.</param>
    /// <exception cref="UsageException">An option is unknown or has no value.</exception>
    public static CommandOptions Parse(
        IReadOnlyList<string> args, IReadOnlyCollection<string> names, IReadOnlyCollection<string>? switches = null)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                options.Help = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                options.arguments.Add(arg);
                continue;
            }

            if (switches?.Contains(arg[2..], StringComparer.OrdinalIgnoreCase) == true)
            {
                options.switchesGiven.Add(arg[2..]);
                continue;
            }

            var separator = arg.IndexOf('=', StringComparison.Ordinal);
            var name = separator < 0 ? arg[2..] : arg[2..separator];
            var isSetting = name.Contains(':', StringComparison.Ordinal)
                || HostSettings.Contains(name, StringComparer.OrdinalIgnoreCase);
            if (!isSetting && !names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new UsageException($"Unknown option '--{name}'.");
            }

            string value;
            if (separator >= 0)
            {
                value = arg[(separator + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                throw new UsageException($"Option '--{name}' needs a value.");
            }

            if (isSetting)
            {
                options.configurationArgs.Add($"--{name}={value}");
            }
            else
            {
                options.values[name] = value;
            }
        }

        return options;
    }

    public string? Text(string name) => values.GetValueOrDefault(name);

    /// <summary>Whether the switch was given.</summary>
    public bool Has(string switchName) => switchesGiven.Contains(switchName);

    /// <exception cref="UsageException">The value is not a whole number, or less than the minimum.</exception>
    public int Number(string name, int fallback, int minimum = 0)
    {
        if (values.GetValueOrDefault(name) is not { } text)
        {
            return fallback;
        }

        var parsed = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number);
        if (!parsed || number < minimum)
        {
            throw new UsageException(
                $"Option '--{name}' must be a whole number of at least {minimum}, not '{text}'.");
        }

        return number;
    }

    /// <exception cref="UsageException">The value is not an absolute http or https URL.</exception>
    public Uri? Url(string name)
    {
        if (values.GetValueOrDefault(name) is not { } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"Option '--{name}' must be an http or https URL, not '{text}'.");
        }

        return url;
    }
}
