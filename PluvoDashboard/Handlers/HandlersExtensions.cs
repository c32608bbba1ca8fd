namespace PluvoDashboard.Handlers;

public static class HandlersExtensions
{
    /// <summary>Registers the dispatcher and its retry settings; handlers register as <see cref="IWebhookHandler"/>.</summary>
    public static IHostApplicationBuilder AddHandlers(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HandlerRetryOptions>()
            .BindConfiguration(HandlerRetryOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay,
                "Handlers:Retry:BaseDelay must be positive and Handlers:Retry:MaxDelay at least as long.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DispatchSignal>();
        builder.Services.AddHostedService<Dispatcher>();
        return builder;
    }
}
