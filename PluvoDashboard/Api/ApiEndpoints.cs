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
    /// The JSON API under <c>/api</c>, for the dashboard's own use and for scripts. Everything is mapped on
    /// one group, so sign-in and rate limits can be required in one place.
    /// </summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").DisableAntiforgery();
        api.MapEvents();
        api.MapReplay();
        api.MapReadModels();
        return app;
    }

    /// <summary>Who is asking, for the audit trail of replays; sign-in comes with the security work.</summary>
    internal static string Caller(HttpContext http) => http.User.Identity?.Name ?? "anonymous";
}
