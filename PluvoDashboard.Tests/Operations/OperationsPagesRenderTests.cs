using System.Net;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>The operations pages as first rendered by the real app, before the interactive circuit starts.</summary>
public sealed class OperationsPagesRenderTests
{
    [Fact]
    public async Task TheHandlersPageRendersWithItsTitleAndTheRegisteredHandlers()
    {
        using var app = new PluvoApp();

        var response = await (await app.AdminClientAsync()).GetAsync("/handlers");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Handlers · PluvoDashboard</title>", html);
        Assert.Matches("<h1[^>]*>Handlers</h1>", html);
        Assert.Matches("data-testid=\"handler-name\"[^>]*>projection<", html);
        Assert.Contains("data-testid=\"dead-letters-empty\"", html);
        Assert.Contains("data-testid=\"recent-failures-empty\"", html);
    }

    [Fact]
    public async Task TheSettingsPageRendersWithItsTitleAndNoSecret()
    {
        using var app = new PluvoApp();

        var response = await (await app.AdminClientAsync()).GetAsync("/settings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Settings · PluvoDashboard</title>", html);
        Assert.Matches("<h1[^>]*>Settings</h1>", html);
        Assert.Contains("https://localhost/webhooks/pluvo", html);
        Assert.Contains("data-testid=\"forwarding-empty\"", html);
        Assert.DoesNotContain(PluvoApp.WebhookKey, html);
    }
}
