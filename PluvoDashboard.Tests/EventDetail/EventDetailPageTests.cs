using PluvoDashboard.Accounts;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;
using EventDetailPage = PluvoDashboard.Components.Pages.EventDetail.EventDetail;

namespace PluvoDashboard.Tests.EventDetail;

/// <summary>The event detail page on the real app: a posted delivery, its handler runs, and live updates.</summary>
public sealed class EventDetailPageTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private static IRenderedComponent<EventDetailPage> Open(BunitContext context, long id)
    {
        var page = context.Render<EventDetailPage>(p => p.Add(c => c.Id, id));
        page.WaitForState(() => page.FindAll("[data-testid=event-loading]").Count == 0);
        return page;
    }

    [Fact]
    public async Task APayloadHoldingMarkupIsShownEscapedAsText()
    {
        var body = """
            {"id":"u-x","event":"USER_CREATED","name":"<script>alert(1)</script>",
            "email":"<img src=x onerror=alert(2)>@example.com","sentDate":"2026-12-01T10:15:00.000Z"}
            """;
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.Of(body));
        await using var context = DetailContext.For(_app);

        var page = Open(context, id);

        var payload = page.Find("pre[data-testid=payload]");
        Assert.Contains("\"name\": \"<script>alert(1)</script>\"", payload.TextContent);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", payload.InnerHtml);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        Assert.Equal("<script>alert(1)</script> was added as a user",
            page.Find("[data-testid=event-heading]").TextContent.Trim());
    }

    [Fact]
    public async Task TheFactsOfTheDeliveryAreShown()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);

        var page = Open(context, id);

        Assert.Equal("Zoë Ñúñez was added as a user", page.Find("[data-testid=event-heading]").TextContent.Trim());
        Assert.Equal("USER_CREATED", page.Find("[data-testid=event-type]").TextContent);
        Assert.Equal("Processed", page.Find("[data-testid=event-status]").GetAttribute("data-status"));
        Assert.Equal("933d8663-edf6-42c9-895a-eeec13fff0ab (ref user-ref)",
            page.Find("[data-testid=event-subject]").TextContent);
        Assert.Equal("/learners/933d8663-edf6-42c9-895a-eeec13fff0ab",
            page.Find("a[data-testid=event-learner]").GetAttribute("href"));
        Assert.Equal("sha1-key/base64url with key current", page.Find("[data-testid=event-signature]").TextContent);
        Assert.Contains(page.FindAll("[data-testid=header-row]"), row => row.TextContent.Contains("X-Signature-Salt"));
        Assert.Equal("0", page.Find("[data-testid=event-duplicates]").TextContent);
        Assert.Matches(@"^\d", page.Find("[data-testid=event-lag]").TextContent);
    }

    [Fact]
    public async Task TheHandlerRunsAndWorkAreListed()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);

        var page = Open(context, id);

        var run = Assert.Single(page.FindAll("[data-testid=run-row]"));
        Assert.Equal("projection", run.GetAttribute("data-handler"));
        Assert.Equal("Succeeded", run.QuerySelector("[data-testid=run-outcome]")!.TextContent.Trim());
        Assert.Equal("no", run.QuerySelector("[data-testid=run-replay]")!.TextContent);
        var work = Assert.Single(page.FindAll("[data-testid=work-row]"));
        Assert.Equal("Succeeded", work.QuerySelector("[data-testid=work-status]")!.TextContent);
    }

    [Fact]
    public async Task AReplayFromElsewhereShowsItsNewRunLive()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);
        var page = Open(context, id);
        Assert.Single(page.FindAll("[data-testid=run-row]"));

        var replay = _app.Services.GetRequiredService<ReplayService>();
        var (result, _) = await replay.ReplayAsync(
            id, null, new Actor("script", IsAdmin: true), CancellationToken.None);

        Assert.Equal(ReplayRequestResult.Scheduled, result);
        page.WaitForAssertion(() =>
        {
            var newest = page.FindAll("[data-testid=run-row]")[0];
            Assert.Equal("by script", newest.QuerySelector("[data-testid=run-replay]")!.TextContent);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal(2, page.FindAll("[data-testid=run-row]").Count);
    }

    [Fact]
    public async Task CopyHandsThePrettyPayloadToTheBrowserAndSaysSo()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var context = DetailContext.For(_app);
        var snackbars = context.Render<MudSnackbarProvider>();
        var page = Open(context, id);

        page.Find("[data-testid=copy-payload]").Click();

        var copied = context.JSInterop.VerifyInvoke("pluvoDashboard.copyText");
        var text = Assert.IsType<string>(Assert.Single(copied.Arguments));
        Assert.StartsWith("{\n  \"id\": \"933d8663-edf6-42c9-895a-eeec13fff0ab\",", text.ReplaceLineEndings("\n"));
        Assert.Contains("\"name\": \"Zoë Ñúñez\"", text);
        snackbars.WaitForAssertion(() => Assert.Contains("Copied", snackbars.Markup));
    }

    [Fact]
    public async Task AnUnknownIdSaysThereIsNoSuchEvent()
    {
        await using var context = DetailContext.For(_app);

        var page = Open(context, 424242);

        Assert.Contains("No event with id 424242", page.Find("[data-testid=event-not-found]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=replay-button]"));
    }

    [Fact]
    public async Task AnEventNoHandlerTakesCannotBeReplayedAndSaysWhy()
    {
        var body = """{"event":"FOO_BAR","id":"f-1","sentDate":"2026-12-01T10:15:00.000Z"}""";
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.Of(body));
        await using var context = DetailContext.For(_app);

        var page = Open(context, id);

        Assert.True(page.Find("[data-testid=replay-button]").HasAttribute("disabled"));
        Assert.Equal("No handler takes FOO_BAR events, so there is nothing to replay.",
            page.Find("[data-testid=replay-blocked]").TextContent);
        Assert.Equal("Pluvo sent FOO_BAR", page.Find("[data-testid=event-heading]").TextContent.Trim());
        await using var db = _app.CreateDbContext();
        Assert.False(await db.HandlerRuns.AnyAsync(r => r.EventId == id));
    }

    [Fact]
    public async Task AnUnparseableDeliveryShowsItsParseErrorAndRawText()
    {
        var id = await DetailContext.PostAsync(_app, SignedDelivery.Of("not json <b>at all</b>"));
        await using var context = DetailContext.For(_app);

        var page = Open(context, id);

        Assert.Equal("not json <b>at all</b>", page.Find("pre[data-testid=payload]").TextContent);
        Assert.Empty(page.FindAll("pre b"));
        Assert.NotEmpty(page.Find("[data-testid=parse-error]").TextContent);
        Assert.Equal("An unreadable delivery", page.Find("[data-testid=event-heading]").TextContent.Trim());
        Assert.True(page.Find("[data-testid=replay-button]").HasAttribute("disabled"));
    }
}
