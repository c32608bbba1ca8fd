using PluvoDashboard.Accounts;

namespace PluvoDashboard.Api;

public static class ApiEndpoints
{
    /// <summary>Enums travel as their names, so answers read <c>"status": "Failing"</c>.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    /// <summary>
    /// The JSON API under <c>/api</c>, for scripts (with an API token) and for signed-in users. Reading needs a
    /// viewer or an admin; what changes something needs an admin (<see cref="RequireAdmin"/>). A request that
    /// uses the session cookie must come from the dashboard's own pages (<see cref="SameOriginFilter"/>).
    /// </summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .DisableAntiforgery()
            .RequireAuthorization(DashboardPolicies.ApiRead)
            .AddEndpointFilter<SameOriginFilter>();
        api.MapEvents();
        api.MapReplay();
        api.MapReadModels();
        return app;
    }

    /// <summary>Endpoints that change something: admins and admin tokens only.</summary>
    internal static RouteHandlerBuilder RequireAdmin(this RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(DashboardPolicies.ApiAdmin);
}
