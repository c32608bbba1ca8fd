using MudBlazor.Services;

namespace PluvoDashboard.Components;

public static class DashboardExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        // Scripts, styles and images are the same for everybody; the sign-in page needs them.
        app.MapStaticAssets().AllowAnonymous();
        // The security headers forbid framing already (frame-ancestors 'none'); Blazor's own, laxer header would
        // only be a second policy.
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
