using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EventsBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task APostedWebhookAppearsOnTheOpenEventsPageAndPartOfAnEmailFindsIt()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        await session.OpenAsync("/events");
        await Expect(session.Page.GetByTestId("events-empty")).ToBeVisibleAsync();

        await session.PostWebhookAsync(SignedDelivery.Of(
            PluvoBodies.User("USER_CREATED", "u-41", "Zoë Ñúñez", 1, "zoe.nunez@brandweer.example")));
        await session.PostWebhookAsync(SignedDelivery.Of(
            PluvoBodies.User("USER_CREATED", "u-42", "Bram de Vries", 2, "bram@havenbedrijf.example")));

        var rows = session.Page.GetByTestId("event-row");
        await Expect(rows).ToHaveCountAsync(2);

        // MudTextField puts the test id on its input element.
        var search = session.Page.GetByTestId("search-box");
        await search.FillAsync("nunez@brandw");
        await search.PressAsync("Enter");

        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=nunez%40brandw"));
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(session.Page.GetByTestId("events-table")).ToContainTextAsync("Zoë Ñúñez");
        await Expect(session.Page.GetByTestId("events-table")).Not.ToContainTextAsync("Bram de Vries");
        Assert.Empty(session.ConsoleErrors);
    }
}
