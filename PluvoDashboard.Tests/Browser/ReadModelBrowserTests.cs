using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ReadModelBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task ThePostedCourseCompletionIsListedLiveAndExportedAsCsv()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        await session.OpenAsync("/completions");
        await Expect(session.Page.GetByTestId("completions-empty")).ToBeVisibleAsync();

        await session.PostWebhookAsync(SignedDelivery.Of(
            PluvoBodies.CourseFinished("cf-1", PluvoBodies.NestedUser("u-1", "Zoë Ñúñez"), 5)));

        var rows = session.Page.GetByTestId("completion-row");
        await Expect(rows).ToHaveCountAsync(1);
        var table = session.Page.GetByTestId("completions-table");
        await Expect(table).ToContainTextAsync("Zoë Ñúñez");
        await Expect(table).ToContainTextAsync("Fire safety");
        await Expect(table.GetByTestId("completion-score")).ToContainTextAsync("7.5");

        var download = await session.Page.RunAndWaitForDownloadAsync(
            () => session.Page.GetByTestId("export-completions").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var path = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(path);
        Assert.Equal(2, lines.Length);
        Assert.Contains("Zoë Ñúñez", lines[1]);
        Assert.Contains("Fire safety", lines[1]);
        Assert.Contains("7.5", lines[1]);
        Assert.Empty(session.ConsoleErrors);
    }
}
