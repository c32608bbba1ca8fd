using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EventDetailBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task PressingReplayOnAnEventShowsTheNewHandlerRun()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        var id = await session.PostWebhookAsync(SignedDelivery.Of(
            PluvoBodies.User("USER_CREATED", "u-7", "Zoë Ñúñez", 3, "zoe@brandweer.example")));
        await session.OpenAsync($"/events/{id}");
        var runs = session.Page.GetByTestId("run-row");
        await Expect(runs).ToHaveCountAsync(1);
        await Expect(session.Page.GetByTestId("event-heading")).ToContainTextAsync("Zoë Ñúñez");

        await session.Page.GetByTestId("replay-button").ClickAsync();
        await Expect(session.Page.GetByTestId("replay-dialog")).ToBeVisibleAsync();
        await session.Page.GetByTestId("replay-next").ClickAsync();
        await Expect(session.Page.GetByTestId("replay-confirmation")).ToContainTextAsync("projection");
        await session.Page.GetByTestId("replay-confirm").ClickAsync();

        await Expect(runs).ToHaveCountAsync(2);
        await Expect(session.Page.GetByTestId("run-replay").First).ToBeVisibleAsync();
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task MarkupInAPayloadIsShownAsText()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        const string name = "<script>window.pwned=1</script><img src=x onerror=\\\"window.pwned=2\\\">";
        var id = await session.PostWebhookAsync(SignedDelivery.Of(
            PluvoBodies.User("USER_CREATED", "u-8", name, 3, "x@example.com")));

        foreach (var path in new[] { $"/events/{id}", "/events", "/", "/learners", "/learners/u-8" })
        {
            await session.OpenAsync(path);
            var content = session.Page.Locator(".mud-main-content");
            await Expect(content).ToContainTextAsync("<script>window.pwned=1</script>");
            Assert.Equal(0, await session.Page.Locator(".mud-main-content img[src=x]").CountAsync());
            Assert.Null(await session.Page.EvaluateAsync<int?>("() => window.pwned"));
        }

        Assert.Empty(session.ConsoleErrors);
    }
}
