using PluvoDashboard.Audit;
using PluvoDashboard.Accounts;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using PluvoDashboard.Handlers;
using PluvoDashboard.Handlers.Projection;
using PluvoDashboard.Intake;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.Search;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>
/// A bUnit context whose pages run on a real app's services (database, dispatcher, replay, live feed, log),
/// with MudBlazor's dialog, popover and snackbar providers rendered next to the page, as the layout does.
/// </summary>
public static class OperationsContext
{
    /// <param name="app">The running app whose services the pages use.</param>
    /// <param name="role">The role of the signed-in user, admin@example.test.</param>
    public static BunitContext Create(PluvoApp app, string role = DashboardRoles.Admin)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();

        context.AddAuthorization().SetAuthorized("admin@example.test").SetRoles(role);
        var services = app.Services;
        context.Services.AddSingleton(services.GetRequiredService<IDbContextFactory<PluvoDbContext>>());
        context.Services.AddSingleton(services.GetRequiredService<HandlerRegistry>());
        context.Services.AddSingleton(services.GetRequiredService<HandlerHealth>());
        context.Services.AddSingleton(services.GetRequiredService<ReplayService>());
        context.Services.AddSingleton(services.GetRequiredService<LiveFeed>());
        context.Services.AddSingleton(services.GetRequiredService<TestEventSender>());
        context.Services.AddSingleton(services.GetRequiredService<ReadModelRebuilder>());
        context.Services.AddSingleton(services.GetRequiredService<IConfiguration>());
        context.Services.AddSingleton(services.GetRequiredService<IOptionsMonitor<PluvoWebhookOptions>>());
        context.Services.AddSingleton(services.GetRequiredService<IOptions<RetentionOptions>>());
        context.Services.AddSingleton(services.GetRequiredService<UserAdministration>());
        context.Services.AddSingleton(services.GetRequiredService<ApiTokenService>());
        context.Services.AddSingleton(services.GetRequiredService<AuditLog>());

        // The app's log, so a test can read who asked for a replay or a rebuild.
        context.Services.RemoveAll<ILoggerFactory>();
        context.Services.AddSingleton(services.GetRequiredService<ILoggerFactory>());
        context.Services.RemoveAll(typeof(ILogger<>));
        context.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        return context;
    }

    /// <summary>Renders the providers the layout holds; dialogs and snackbars appear in what it returns.</summary>
    public static Providers RenderProviders(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        return new Providers(context.Render<MudDialogProvider>(), context.Render<MudSnackbarProvider>());
    }
}

/// <summary>Where a page's dialogs and snackbars are rendered.</summary>
public sealed record Providers(
    IRenderedComponent<MudDialogProvider> Dialogs,
    IRenderedComponent<MudSnackbarProvider> Snackbars);
