namespace PluvoDashboard.Handlers;

public static class HandlersExtensions
{
    /// <summary>
    /// Registers the dispatcher and its settings; handlers register themselves as <see cref="IWebhookHandler"/>.
    /// </summary>
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatcherOptions>()
            .BindConfiguration(DispatcherOptions.Section)
            .Validate(o => o.Retry.MaxAttempts is >= 1 and <= 1000, "Handlers:Retry:MaxAttempts must be 1 to 1000.")
            .Validate(o => o.Retry.BaseDelay > TimeSpan.Zero && o.Retry.MaxDelay >= o.Retry.BaseDelay,
                "Handlers:Retry:BaseDelay must be positive and Handlers:Retry:MaxDelay at least as long.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddSingleton<HandlerRegistry>();
        builder.Services.AddSingleton<ReplayService>();
        builder.Services.AddHostedService<Dispatcher>();
        return builder;
    }
}
