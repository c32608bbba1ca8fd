using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;
using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using EventsPage = PluvoDashboard.Components.Pages.Events.Events;

namespace PluvoDashboard.Tests.Dashboard;

/// <summary>
/// The events page as an interactive component on a running app: events posted through the real endpoint
/// reach it through the app's live feed and are read back through the app's search.
/// </summary>
public sealed class EventsPageTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private BunitContext CreateContext()
    {
        using var _ = _app.CreateClient();
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        foreach (var type in new[] { typeof(EventSearch), typeof(LiveFeed) })
        {
            context.Services.AddSingleton(type, _app.Services.GetRequiredService(type));
        }

        context.Services.AddSingleton(_app.Services.GetRequiredService<
            Microsoft.EntityFrameworkCore.IDbContextFactory<PluvoDbContext>>());
        return context;
    }

    private Task<long> PostUserAsync(int n) => PostAsync(
        PluvoBodies.User("USER_CREATED", $"u-{n}", $"Learner {n}", 1 + n % 28, $"learner{n}@example.com"));

    private async Task<long> PostAsync(string body) =>
        (await (await _app.CreateClient().SendAsync(SignedDelivery.Of(body).ToRequest())).AssertAcceptedAsync()).Id;

    private static IReadOnlyList<string> Ids(IRenderedComponent<EventsPage> page) =>
        [.. page.FindAll("[data-testid=event-link]").Select(a => a.TextContent)];

    private static string Chip(IRenderedComponent<EventsPage> page) =>
        page.Find("[data-testid=new-events-chip]").TextContent.Trim();

    [Fact]
    public async Task OnTheFirstPageWithNoRowOpenArrivalsAppearAtTheTopWithoutAChip()
    {
        await using var context = CreateContext();
        var first = await PostUserAsync(1);
        var page = context.Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Equal([first.ToString()], Ids(page)));

        var second = await PostUserAsync(2);

        page.WaitForAssertion(() => Assert.Equal([second.ToString(), first.ToString()], Ids(page)),
            TimeSpan.FromSeconds(5));
        Assert.Empty(page.FindAll("[data-testid=new-events-chip]"));
    }

    [Fact]
    public async Task WithARowOpenArrivalsAreCountedInAChipAndTheRowsStayUntilItIsClicked()
    {
        await using var context = CreateContext();
        var first = await PostUserAsync(1);
        var page = context.Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Equal([first.ToString()], Ids(page)));
        page.Find("[data-testid=event-row]").Click();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=event-row-detail]")));

        var second = await PostUserAsync(2);
        var third = await PostUserAsync(3);

        page.WaitForAssertion(() => Assert.Equal("2 new events", Chip(page)), TimeSpan.FromSeconds(5));
        Assert.Equal([first.ToString()], Ids(page));
        Assert.NotNull(page.Find("[data-testid=event-row-detail]"));

        page.Find("[data-testid=new-events-chip]").Click();

        page.WaitForAssertion(() =>
            Assert.Equal([third.ToString(), second.ToString(), first.ToString()], Ids(page)));
        Assert.Empty(page.FindAll("[data-testid=new-events-chip]"));
        Assert.Empty(page.FindAll("[data-testid=event-row-detail]"));
    }

    [Fact]
    public async Task OnALaterPageArrivalsDoNotShiftTheRows()
    {
        await using var context = CreateContext();
        for (var n = 0; n < EventsPage.PageSize + 5; n++)
        {
            await PostUserAsync(n);
        }

        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("page", 2));
        var page = context.Render<EventsPage>();
        page.WaitForAssertion(() => Assert.Equal(5, Ids(page).Count));
        var shown = Ids(page);

        await PostUserAsync(1000);

        page.WaitForAssertion(() => Assert.Equal("1 new event", Chip(page)), TimeSpan.FromSeconds(5));
        Assert.Equal(shown, Ids(page));
    }

    [Fact]
    public async Task TheSearchInTheAddressSetsTheFiltersAndOnlyMatchingArrivalsAreCounted()
    {
        await using var context = CreateContext();
        var training = await PostAsync(PluvoBodies.Training("TRAINING_CREATED", "t-1", "Brandveiligheid", 1));
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", "family:user status:processed"));
        var page = context.Render<EventsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=events-empty]")));
        Assert.Contains("No events match", page.Find("[data-testid=events-empty]").TextContent);
        Assert.Contains("User", page.Find("[data-testid=family-filter]").OuterHtml);

        var user = await PostUserAsync(1);

        // The user event arrives Pending and becomes Processed; only then does it match.
        page.WaitForAssertion(() => Assert.Equal([user.ToString()], Ids(page)), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(training.ToString(), Ids(page));
    }

    [Fact]
    public async Task AMistakeInTheSearchIsExplainedAndTheRestOfItStillApplies()
    {
        await using var context = CreateContext();
        await PostUserAsync(1);
        var navigation = context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("q", "status:nope learner1@"));
        var page = context.Render<EventsPage>();

        page.WaitForAssertion(() => Assert.Single(Ids(page)));
        Assert.Contains("status:nope", page.Find("[data-testid=search-error]").TextContent);
    }
}
