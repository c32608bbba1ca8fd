using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;
using EventDetailPage = PluvoDashboard.Components.Pages.EventDetail.EventDetail;

namespace PluvoDashboard.Tests.EventDetail;

/// <summary>
/// The replay dialog opened from the event detail page, on the real app with two handlers (the projection and
/// a forwarder to a recording endpoint), so what a choice schedules shows in the stored runs and work.
/// </summary>
public sealed class ReplayDialogTests : IAsyncLifetime
{
    private const string Forwarder = "forward:crm";

    private readonly PluvoApp _app = new();
    private RecordingEndpoint _crm = null!;

    public async Task InitializeAsync()
    {
        _crm = await RecordingEndpoint.StartAsync(_ => (204, TimeSpan.Zero));
        _app.With("Handlers:Forwarding:0:Name", "crm")
            .With("Handlers:Forwarding:0:Url", _crm.Url.ToString())
            .With("Handlers:Forwarding:0:SigningKey", "crm-key");
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _crm.DisposeAsync();
    }

    /// <summary>The page with a dialog provider beside it, as the layout has, and the dialog open.</summary>
    private static (IRenderedComponent<EventDetailPage> Page, IRenderedComponent<MudDialogProvider> Dialogs)
        OpenReplay(BunitContext context, long id)
    {
        var dialogs = context.Render<MudDialogProvider>();
        var page = context.Render<EventDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForElement("[data-testid=replay-button]").Click();
        dialogs.WaitForElement("[data-testid=replay-dialog]");
        return (page, dialogs);
    }

    private async Task<List<HandlerRun>> RunsAsync(long id)
    {
        await using var db = _app.CreateDbContext();
        return await db.HandlerRuns.Where(r => r.EventId == id).OrderBy(r => r.Id).ToListAsync();
    }

    [Fact]
    public async Task ChoosingOneHandlerReplaysOnlyThatOne()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app, signedIn: "Ada");
        var (page, dialogs) = OpenReplay(context, id);

        dialogs.Find("input[data-testid=replay-all]").Change(false);
        dialogs.Find("input[data-handler=projection]").Change(false);
        dialogs.Find("[data-testid=replay-next]").Click();

        Assert.Equal($"Replay USER_CREATED #{id} to {Forwarder}?",
            dialogs.Find("[data-testid=replay-confirmation]").TextContent);
        dialogs.Find("[data-testid=replay-confirm]").Click();

        await Eventually.HoldsAsync(async () => (await RunsAsync(id)).Any(r => r.IsReplay), "a replay run is stored");
        var replayed = Assert.Single(await RunsAsync(id), r => r.IsReplay);
        Assert.Equal((Forwarder, true, "Ada", 2), (replayed.HandlerName, replayed.Succeeded, replayed.RequestedBy,
            replayed.Attempt));
        await using (var db = _app.CreateDbContext())
        {
            var work = await db.HandlerWork.Where(w => w.EventId == id).ToDictionaryAsync(w => w.HandlerName);
            Assert.Equal((true, "Ada"), (work[Forwarder].IsReplay, work[Forwarder].RequestedBy));
            Assert.False(work["projection"].IsReplay);
        }

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=replay-dialog]")));
        page.WaitForAssertion(() =>
        {
            var newest = page.FindAll("[data-testid=run-row]")[0];
            Assert.Equal(Forwarder, newest.GetAttribute("data-handler"));
            Assert.Equal("by Ada", newest.QuerySelector("[data-testid=run-replay]")!.TextContent);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task AllHandlersIsTheDefaultAndReplaysEveryHandlerThatTakesTheEvent()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);
        var (_, dialogs) = OpenReplay(context, id);

        Assert.Equal(["projection", Forwarder],
            dialogs.FindAll("[data-testid=replay-handler]").Select(h => h.GetAttribute("data-handler")));
        dialogs.Find("[data-testid=replay-next]").Click();
        Assert.Equal($"Replay USER_CREATED #{id} to projection and {Forwarder}?",
            dialogs.Find("[data-testid=replay-confirmation]").TextContent);
        dialogs.Find("[data-testid=replay-confirm]").Click();

        await Eventually.HoldsAsync(async () => (await RunsAsync(id)).Count(r => r.IsReplay) == 2,
            "both handlers ran again");
        Assert.All(
            (await RunsAsync(id)).Where(r => r.IsReplay), r => Assert.Equal("admin@example.test", r.RequestedBy));
    }

    [Fact]
    public async Task CancellingAtTheConfirmationReplaysNothing()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        var before = await RunsAsync(id);
        await using var context = DetailContext.For(_app);
        var (_, dialogs) = OpenReplay(context, id);

        dialogs.Find("[data-testid=replay-next]").Click();
        dialogs.Find("[data-testid=replay-cancel]").Click();

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=replay-dialog]")));
        await Task.Delay(300);
        Assert.Equal(before.Select(r => r.Id), (await RunsAsync(id)).Select(r => r.Id));
        await using var db = _app.CreateDbContext();
        Assert.False(await db.HandlerWork.AnyAsync(w => w.EventId == id && w.IsReplay));
    }

    [Fact]
    public async Task AnEventRemovedMeanwhileIsAClearErrorInTheDialog()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);
        var (_, dialogs) = OpenReplay(context, id);
        await using (var db = _app.CreateDbContext())
        {
            await db.HandlerRuns.Where(r => r.EventId == id).ExecuteDeleteAsync();
            await db.HandlerWork.Where(w => w.EventId == id).ExecuteDeleteAsync();
            await db.WebhookEvents.Where(e => e.Id == id).ExecuteDeleteAsync();
        }

        dialogs.Find("[data-testid=replay-next]").Click();
        dialogs.Find("[data-testid=replay-confirm]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal($"Event #{id} no longer exists, so it cannot be replayed.",
            dialogs.Find("[data-testid=replay-error]").TextContent));
    }
}
