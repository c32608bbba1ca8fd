using System.Net;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Handlers.Forwarding;

public static class ForwardingExtensions
{
    /// <summary>Registers one <see cref="ForwardingHandler"/> per destination in <c>Handlers:Forwarding</c>.</summary>
    public static IHostApplicationBuilder AddForwarding(this IHostApplicationBuilder builder)
    {
        var destinations = builder.Configuration.GetSection(ForwardingDestination.Section)
            .Get<List<ForwardingDestination>>() ?? [];
        var problems = destinations.SelectMany((d, i) => d.Problems(i)).ToList();
        var repeated = destinations.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1);
        problems.AddRange(repeated.Select(g => $"{ForwardingDestination.Section}: the name '{g.Key}' is used twice."));
        problems.AddRange(PointingAtThisApp(builder.Configuration, destinations));
        if (problems.Count > 0)
        {
            // Stops the app at start with every wrong setting named, never with a failure later.
            throw new InvalidOperationException("Forwarding is misconfigured: " + string.Join(" ", problems));
        }

        builder.Services.AddHttpClient(ForwardingHandler.HttpClientName);
        foreach (var destination in destinations)
        {
            builder.Services.AddSingleton<IWebhookHandler>(services =>
                new ForwardingHandler(destination, services.GetRequiredService<IHttpClientFactory>()));
        }

        return builder;
    }

    /// <summary>
    /// Destinations that would post events back to this app: its own webhook endpoint on this machine, or any
    /// address this app listens on. Forwarding there would store every event again, or loop.
    /// </summary>
    private static IEnumerable<string> PointingAtThisApp(
        IConfiguration configuration, List<ForwardingDestination> destinations)
    {
        var listening = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""))
            .Select(u => u.Replace("://*", "://localhost").Replace("://+", "://localhost"))
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Port : -1)
            .Where(port => port > 0)
            .ToHashSet();
        for (var i = 0; i < destinations.Count; i++)
        {
            if (Uri.TryCreate(destinations[i].Url, UriKind.Absolute, out var url) && IsThisMachine(url.Host)
                && (listening.Contains(url.Port)
                    || url.AbsolutePath.StartsWith(IntakeEndpoints.WebhookPath, StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"{ForwardingDestination.Section}:{i}:Url points at this app itself " +
                    $"({url.Host}:{url.Port}{url.AbsolutePath}); forwarding there would receive every event again.";
            }
        }
    }

    private static bool IsThisMachine(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || host.Equals(Dns.GetHostName(), StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address)
            && (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)));
}
