using System.Net;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Dashboard;

/// <summary>The overview as first rendered on the server, before the interactive circuit starts.</summary>
public sealed class OverviewPageTests
{
    [Fact]
    public async Task OverviewShowsTheStoredEventCountAndTheWebhookUrl()
    {
        using var app = new PluvoApp();
        var client = await app.AdminClientAsync();
        for (var i = 0; i < 3; i++)
        {
            await (await client.SendAsync(SignedDelivery.UserCreated($"u-{i}").ToRequest())).AssertAcceptedAsync();
        }

        var html = await client.GetStringAsync("/");

        Assert.Matches("data-testid=\"event-count\"[^>]*>3<", html);
        Assert.Contains("https://localhost/webhooks/pluvo", html);
        Assert.Contains("Webhook key set", html);
        Assert.DoesNotContain(PluvoApp.WebhookKey, html);
        Assert.DoesNotContain("no-key-warning", html);
    }

    [Fact]
    public async Task WithoutAKeyTheAppStartsAndTheOverviewSaysHowToSetOne()
    {
        using var app = new PluvoApp().With("Pluvo:WebhookKey", null);

        var response = await (await app.AdminClientAsync()).GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("no-key-warning", html);
        Assert.Contains("Pluvo__WebhookKey", html);
        Assert.Contains("No webhook key set", html);
    }

    [Fact]
    public async Task WhileNothingHasArrivedTheOverviewShowsHowToGetStarted()
    {
        using var app = new PluvoApp();
        var client = await app.AdminClientAsync();

        var empty = await client.GetStringAsync("/");
        await (await client.SendAsync(SignedDelivery.UserCreated().ToRequest())).AssertAcceptedAsync();
        var withEvents = await client.GetStringAsync("/");

        Assert.Contains("data-testid=\"getting-started\"", empty);
        Assert.Contains("send USER_CREATED", empty);
        Assert.DoesNotContain("data-testid=\"getting-started\"", withEvents);
    }

    [Fact]
    public async Task UnknownAddressShowsTheNotFoundPage()
    {
        using var app = new PluvoApp();

        var response = await (await app.AdminClientAsync()).GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("There is nothing at this address", await response.Content.ReadAsStringAsync());
    }
}
