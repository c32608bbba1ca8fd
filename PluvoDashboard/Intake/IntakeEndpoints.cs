namespace PluvoDashboard.Intake;

public static class IntakeEndpoints
{
    public const string WebhookPath = "/webhooks/pluvo";

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, (HttpContext http, WebhookReceiver receiver) => receiver.ReceiveAsync(http))
            .WithName("ReceivePluvoWebhook")
            .DisableAntiforgery();
        return app;
    }
}
