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
}
