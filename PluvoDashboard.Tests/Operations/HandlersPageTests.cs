using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PluvoDashboard.Components.Pages.Handlers;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Handlers;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>
/// The handlers page (bUnit) on a real app whose one handler fails each event once and gives up at once,
/// so the events it receives become dead letters; a replay then succeeds.
/// </summary>
public sealed class HandlersPageTests : IAsyncLifetime
{
    private readonly PluvoApp _app = new();
    private readonly ScriptedHandler _handler = new("audit", failuresPerEvent: 1);
    private long[] _dead = [];

    public async Task InitializeAsync()
    {
        _app.With("Handlers:Retry:MaxAttempts", "1").WithServices(services =>
        {
            services.RemoveAll<IWebhookHandler>();
            services.AddSingleton<IWebhookHandler>(_handler);
        });
        var client = _app.CreateClient();
        _dead =
        [
            (await (await client.SendAsync(SignedDelivery.UserCreated("a").ToRequest())).AssertAcceptedAsync()).Id,
            (await (await client.SendAsync(SignedDelivery.UserCreated("b").ToRequest())).AssertAcceptedAsync()).Id,
        ];
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return await db.WebhookEvents.CountAsync(e => e.Status == EventStatus.DeadLettered) == 2;
        }, "both events are dead-lettered");
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private async Task<int> ReplayRunsAsync()
    {
        await using var db = _app.CreateDbContext();
        return await db.HandlerRuns.CountAsync(r => r.IsReplay);
    }

    [Fact]
    public async Task ThePageShowsTheHandlersFiguresAndItsDeadLetters()
    {
        await using var context = OperationsContext.Create(_app);
        context.RenderProviders();

        var page = context.Render<HandlersPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=dead-letter-row]").Count));
        Assert.Equal("audit", page.Find("[data-testid=handler-name]").TextContent);
        Assert.Equal("2", page.Find("[data-testid=handler-runs]").TextContent);
        Assert.Equal("0.0%", page.Find("[data-testid=handler-success-rate]").TextContent.Trim().Replace(" ", ""));
        Assert.Equal("2", page.Find("[data-testid=handler-dead-letters]").TextContent.Trim());
        Assert.Equal(2, page.FindAll("[data-testid=failure-row]").Count);
        Assert.Equal("scripted failure 1", page.Find("[data-testid=failure-error]").TextContent);
        Assert.Contains($"/events/{_dead[1]}", page.Find("[data-testid=dead-letter-row] a").GetAttribute("href"));
    }

    [Fact]
    public async Task ReplayAllDeadLettersShowsHowManyItTouchesAndCancelLeavesThemAlone()
    {
        await using var context = OperationsContext.Create(_app);
        var providers = context.RenderProviders();
        var page = context.Render<HandlersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=dead-letter-row]").Count));

        page.Find("[data-testid=replay-all-dead-letters]").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "Replay 2 dead-lettered events", providers.Dialogs.Find("[data-testid=confirm-message]").TextContent));
        providers.Dialogs.Find("[data-testid=confirm-cancel]").Click();

        providers.Dialogs.WaitForAssertion(
            () => Assert.Empty(providers.Dialogs.FindAll("[data-testid=confirm-dialog]")));
        await Task.Delay(300);
        Assert.Equal(0, await ReplayRunsAsync());
        Assert.Equal(2, page.FindAll("[data-testid=dead-letter-row]").Count);
        Assert.False(page.Find("[data-testid=replay-all-dead-letters]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ConfirmedReplayOfAllDeadLettersRunsThemAgainAndSaysHowMany()
    {
        await using var context = OperationsContext.Create(_app);
        var providers = context.RenderProviders();
        var page = context.Render<HandlersPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=dead-letter-row]").Count));

        page.Find("[data-testid=replay-all-dead-letters]").Click();
        providers.Dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        providers.Snackbars.WaitForAssertion(
            () => Assert.Contains("2 events scheduled for replay.", providers.Snackbars.Markup));
        await Eventually.HoldsAsync(async () => await ReplayRunsAsync() == 2, "both events ran again");
        await using var db = _app.CreateDbContext();
        var replays = await db.HandlerRuns.Where(r => r.IsReplay).OrderBy(r => r.EventId).ToListAsync();
        Assert.Equal(_dead, replays.Select(r => r.EventId));
        Assert.All(replays, r => Assert.True(r.Succeeded && r.Attempt == 2 && r.RequestedBy == "admin@example.test"));
        page.WaitForElement("[data-testid=dead-letters-empty]", TimeSpan.FromSeconds(5));
        Assert.Contains("Replay requested by admin@example.test: 2 event(s)", _app.Log.AllText);
    }

    [Fact]
    public async Task ReplayByFilterPreviewsTheCountAsTheFilterChanges()
    {
        await using var context = OperationsContext.Create(_app);
        context.RenderProviders();
        var page = context.Render<HandlersPage>();
        page.WaitForAssertion(() => Assert.Equal(
            "2 events match", page.Find("[data-testid=replay-preview]").TextContent));

        page.Find("input[data-testid=replay-filter-type]").Input("GROUP_*");

        page.WaitForAssertion(() => Assert.Equal(
            "0 events match", page.Find("[data-testid=replay-preview]").TextContent), TimeSpan.FromSeconds(3));
        Assert.True(page.Find("[data-testid=replay-filter-run]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task ConfirmedReplayByFilterRunsOnlyTheMatchingEvents()
    {
        var group = SignedDelivery.Of("""{"event":"GROUP_CREATED","id":"g-1"}""").ToRequest();
        var groupId = (await (await _app.CreateClient().SendAsync(group)).AssertAcceptedAsync()).Id;
        await Eventually.HoldsAsync(() => Task.FromResult(_handler.CallsFor(groupId) == 1), "the group was handled");
        await using var context = OperationsContext.Create(_app);
        var providers = context.RenderProviders();
        var page = context.Render<HandlersPage>();
        page.WaitForAssertion(() => Assert.Equal(
            "3 events match", page.Find("[data-testid=replay-preview]").TextContent));
        page.Find("input[data-testid=replay-filter-type]").Input("USER_*");
        page.WaitForAssertion(() => Assert.Equal(
            "2 events match", page.Find("[data-testid=replay-preview]").TextContent), TimeSpan.FromSeconds(3));

        page.Find("[data-testid=replay-filter-run]").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.StartsWith(
            "Replay 2 events of type USER_*", providers.Dialogs.Find("[data-testid=confirm-message]").TextContent));
        providers.Dialogs.Find("[data-testid=confirm-ok]").Click();

        await Eventually.HoldsAsync(async () => await ReplayRunsAsync() == 2, "the two users ran again");
        await using var db = _app.CreateDbContext();
        var replayed = await db.HandlerRuns.Where(r => r.IsReplay).Select(r => r.EventId).OrderBy(i => i).ToListAsync();
        Assert.Equal(_dead, replayed);
        Assert.Equal(1, _handler.CallsFor(groupId));
    }
}
