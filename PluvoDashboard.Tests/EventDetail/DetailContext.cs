using PluvoDashboard.Accounts;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Handlers;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.EventDetail;

/// <summary>
/// A bUnit context wired to a running <see cref="PluvoApp"/>: the page reads the app's database, hears its live
/// feed and replays through its registry, replay service and dispatcher, so the whole path is real.
/// </summary>
public static class DetailContext
{
    /// <param name="app">The running app whose services the components use.</param>
    /// <param name="signedIn">The signed-in user's name; null for nobody.</param>
    /// <param name="role">The signed-in user's role.</param>
    public static BunitContext For(
        PluvoApp app, string? signedIn = "admin@example.test", string role = DashboardRoles.Admin)
    {
        // Starting the test server builds app.Services and the dispatcher with it.
        using var _ = app.CreateClient();
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        var authorization = context.AddAuthorization();
        if (signedIn is not null)
        {
            authorization.SetAuthorized(signedIn);
            authorization.SetRoles(role);
        }

        context.Services.AddSingleton(app.Services.GetRequiredService<IDbContextFactory<PluvoDbContext>>());
        context.Services.AddSingleton(app.Services.GetRequiredService<HandlerRegistry>());
        context.Services.AddSingleton(app.Services.GetRequiredService<ReplayService>());
        context.Services.AddSingleton(app.Services.GetRequiredService<LiveFeed>());
        return context;
    }

    /// <summary>Posts a signed delivery through the real endpoint; answers the stored event's id.</summary>
    public static async Task<long> PostAsync(PluvoApp app, SignedDelivery delivery) =>
        (await (await app.CreateClient().SendAsync(delivery.ToRequest())).AssertAcceptedAsync()).Id;

    /// <summary>Posts a signed delivery and waits until its handlers have finished with it.</summary>
    public static async Task<long> PostAndProcessAsync(PluvoApp app, SignedDelivery delivery)
    {
        var id = await PostAsync(app, delivery);
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.Processed;
        }, $"event {id} is processed");
        return id;
    }
}
