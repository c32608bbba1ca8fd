namespace PluvoDashboard.Intake;

public static class IntakeEndpoints
{
    public const string WebhookPath = "/webhooks/pluvo";

    /// <summary>Open to anyone: a delivery proves itself by its signature, not by a signed-in user.</summary>
    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder app)
    {
        app.MapPost(WebhookPath, (HttpContext http, WebhookReceiver receiver) => receiver.ReceiveAsync(http))
            .WithName("ReceivePluvoWebhook")
            .DisableAntiforgery()
            .AllowAnonymous();
        return app;
    }
}
