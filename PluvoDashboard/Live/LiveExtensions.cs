namespace PluvoDashboard.Live;

public static class LiveExtensions
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveFeed>();
        // Enum values travel as names ("Received"), as in the JSON API.
        builder.Services.AddSignalR().AddJsonProtocol(json =>
            json.PayloadSerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddSingleton<EventsHubRelay>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<EventsHub>(EventsHub.Path).RequireAuthorization(Accounts.DashboardPolicies.ApiRead);
        return app;
    }
}
