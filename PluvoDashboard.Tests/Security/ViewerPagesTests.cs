using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Components.Pages.Handlers;
using PluvoDashboard.Components.Pages.Settings;
using PluvoDashboard.Handlers;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Intake;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.EventDetail;
using PluvoDashboard.Tests.Operations;
using PluvoDashboard.Tests.Support;
using EventDetailPage = PluvoDashboard.Components.Pages.EventDetail.EventDetail;

namespace PluvoDashboard.Tests.Security;

/// <summary>
/// A viewer's pages show no button that changes something, and the services behind those buttons refuse a
/// viewer whoever calls them, so a hidden button is not the only protection.
/// </summary>
public sealed class ViewerPagesTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AViewerSeesTheEventButNoReplayButton()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        await using var viewer = DetailContext.For(_app, "viewer@example.test", DashboardRoles.Viewer);
        await using var admin = DetailContext.For(_app);

        var asViewer = viewer.Render<EventDetailPage>(p => p.Add(x => x.Id, id));
        var asAdmin = admin.Render<EventDetailPage>(p => p.Add(x => x.Id, id));

        asViewer.WaitForAssertion(() =>
            Assert.Contains("Zoë Ñúñez", asViewer.Find("[data-testid=event-heading]").TextContent));
        Assert.Empty(asViewer.FindAll("[data-testid=replay-button]"));
        Assert.Equal("Only admins can replay events.", asViewer.Find("[data-testid=admin-only]").TextContent);
        asAdmin.WaitForAssertion(() => Assert.Single(asAdmin.FindAll("[data-testid=replay-button]")));
    }

    [Fact]
    public async Task AViewersSettingsAndHandlersPagesOfferNothingToChange()
    {
        await using var context = OperationsContext.Create(_app, DashboardRoles.Viewer);
        context.RenderProviders();

        var settings = context.Render<SettingsPage>();
        var handlers = context.Render<HandlersPage>();

        settings.WaitForAssertion(() => Assert.NotEmpty(settings.FindAll("[data-testid=users]")));
        string[] changes =
        [
            "send-test-event", "rebuild-read-models", "invite-user", "create-token", "revoke-token", "user-actions",
        ];
        Assert.All(changes, id => Assert.Empty(settings.FindAll($"[data-testid={id}]")));
        Assert.Contains("Only admins can invite and change users.", settings.Markup);
        handlers.WaitForAssertion(() => Assert.Contains("Only admins can replay dead letters.", handlers.Markup));
        Assert.Empty(handlers.FindAll("[data-testid=replay-all-dead-letters]"));
        Assert.Empty(handlers.FindAll("[data-testid=replay-filter-run]"));
    }

    [Fact]
    public async Task EveryServiceThatChangesSomethingRefusesAViewer()
    {
        var id = await DetailContext.PostAndProcessAsync(_app, SignedDelivery.UserCreated());
        var admin = await _app.CreateUserAsync();
        var viewer = (await _app.CreateUserAsync(DashboardRoles.Viewer)).Actor;
        var services = _app.Services;
        var replay = services.GetRequiredService<ReplayService>();
        var users = services.GetRequiredService<UserAdministration>();
        var tokens = services.GetRequiredService<ApiTokenService>();

        Func<Task>[] changes =
        [
            () => replay.ReplayAsync(id, null, viewer, default),
            () => replay.ReplayAllAsync(new EventFilter(null, null, null, null), viewer, default),
            () => services.GetRequiredService<ReadModelRebuilder>().RebuildAsync(viewer, default),
            () => services.GetRequiredService<TestEventSender>()
                .SendAsync(viewer, "USER_CREATED", new Uri("http://127.0.0.1:9/"), default),
            () => users.InviteAsync(viewer, "someone@example.test", DashboardRoles.Admin),
            () => users.ChangeRoleAsync(viewer, admin.Id, DashboardRoles.Viewer),
            () => users.SetDisabledAsync(viewer, admin.Id, true),
            () => users.ResetPasswordAsync(viewer, admin.Id),
            () => tokens.CreateAsync(viewer, "mine", DashboardRoles.Admin),
            () => tokens.RevokeAsync(viewer, 1),
        ];
        foreach (var change in changes)
        {
            await Assert.ThrowsAsync<ActionNotAllowedException>(change);
        }

        await using var db = _app.CreateDbContext();
        Assert.False(await db.HandlerWork.AnyAsync(w => w.IsReplay));
        Assert.Equal(2, await db.Users.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
        Assert.Equal(1, await db.WebhookEvents.CountAsync());
    }
}
