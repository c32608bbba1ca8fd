namespace PluvoDashboard.Live;

public static class LiveExtensions
{
    public static IHostApplicationBuilder AddLive(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<LiveFeed>();
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<EventsHubRelay>();
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<EventsHub>(EventsHub.Path);
        return app;
    }
}
