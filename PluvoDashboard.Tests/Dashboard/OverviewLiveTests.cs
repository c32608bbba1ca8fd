using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Components.Pages.Overview;
using PluvoDashboard.Intake;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Dashboard;

/// <summary>The overview as an interactive component (bUnit), fed by the real live feed and database.</summary>
public sealed class OverviewLiveTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly LiveFeed _feed = new(TimeProvider.System);

    public void Dispose() => _database.Dispose();

    // MudBlazor's services dispose only asynchronously, so the context is disposed with await using.
    private BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(_feed);
        context.Services.AddDbContextFactory<PluvoDbContext>(o => o.UseSqlite(_database.Settings.ConnectionString));
        context.Services.AddOptions<PluvoWebhookOptions>().Configure(o => o.WebhookKey = "key");
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddSingleton<EventStats>();
        context.Services.AddSingleton<EventSearch>();
        return context;
    }

    [Fact]
    public async Task ABurstOfLiveUpdatesIsShownWithAFewRendersNotOneEach()
    {
        await using var context = CreateContext();
        var page = context.Render<Overview>();
        page.WaitForAssertion(() => Assert.Equal("0", page.Find("[data-testid=event-count]").TextContent));

        // The ticker is rendered again each time the page is, so its count is the page's own renders
        // (the page's RenderCount also counts renders the charts do by themselves).
        var ticker = page.FindComponent<LatestEvents>();
        var rendersBefore = ticker.RenderCount;
        await using (var db = _database.CreateDbContext())
        {
            db.WebhookEvents.Add(new WebhookEvent { EventType = "USER_CREATED", BodyHash = [1], RawBody = [1] });
            await db.SaveChangesAsync();
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
        {
            _feed.Publish(new LiveUpdate(LiveChange.Received, i, "USER_CREATED", null, null, DateTimeOffset.UtcNow));
        }

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=event-count]").TextContent),
            TimeSpan.FromSeconds(5));
        await Task.Delay(600);
        var renders = ticker.RenderCount - rendersBefore;
        var allowed = 1 + (int)Math.Ceiling(watch.Elapsed.TotalSeconds * 4);
        Assert.Empty(page.FindAll(".mud-alert-text-error"));
        Assert.InRange(renders, 1, allowed);
        Assert.InRange(renders, 1, 8);
    }
}
