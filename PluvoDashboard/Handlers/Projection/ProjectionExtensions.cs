namespace PluvoDashboard.Handlers.Projection;

public static class ProjectionExtensions
{
    /// <summary>Registers the projection handler, which keeps the read models, and their rebuilder.</summary>
    public static IHostApplicationBuilder AddProjection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ProjectionHandler>();
        builder.Services.AddSingleton<IWebhookHandler>(services => services.GetRequiredService<ProjectionHandler>());
        builder.Services.AddSingleton<ReadModelRebuilder>();
        return builder;
    }
}
