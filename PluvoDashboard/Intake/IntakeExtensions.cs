using Microsoft.Extensions.Options;

namespace PluvoDashboard.Intake;

public static class IntakeExtensions
{
    /// <summary>Registers the webhook endpoint's settings and its writer.</summary>
    public static IHostApplicationBuilder AddIntake(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PluvoWebhookOptions>()
            .BindConfiguration(PluvoWebhookOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, IntakeJsonContext.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IntakeWriter>();
        builder.Services.AddSingleton<WebhookReceiver>();
        builder.Services.AddSingleton<RefusalLimiter>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IntakeWriter>());
        return builder;
    }

    /// <summary>Logs once at start-up where the endpoint is and whether it can verify deliveries.</summary>
    public static void LogIntakeReady(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PluvoWebhookOptions>>().Value;
        var logger = app.Services.GetRequiredService<ILogger<IntakeWriter>>();
        IntakeLog.EndpointReady(logger, IntakeEndpoints.WebhookPath, options.HasKey,
            options.AcceptedKeys().Count - (options.HasKey ? 1 : 0));
    }
}
