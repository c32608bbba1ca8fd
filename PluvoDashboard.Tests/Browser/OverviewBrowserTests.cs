using Microsoft.Playwright;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class OverviewBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task AWebhookPostedWhileTheOverviewIsOpenIsCountedWithoutAReload()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        await session.OpenAsync("/");
        await Expect(session.Page.GetByTestId("event-count")).ToHaveTextAsync("0");

        await session.PostWebhookAsync(SignedDelivery.UserCreated());

        await Expect(session.Page.GetByTestId("event-count")).ToHaveTextAsync("1");
        var ticker = session.Page.GetByTestId("ticker-row");
        await Expect(ticker).ToHaveCountAsync(1);
        await Expect(ticker.First).ToContainTextAsync("Zoë Ñúñez");
        Assert.Empty(session.ConsoleErrors);
    }
}
