using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>One way to call a route of the app: a method and a concrete path for its pattern.</summary>
public sealed record RouteCall(string Method, string Path, string Pattern, bool IsPage, bool IsStaticAsset)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Every route of the running app, read from its endpoint data sources (never a hand-made list), each made
/// into calls with sample values for its parameters.
/// </summary>
public static partial class Routes
{
    /// <summary>
    /// What may be used without signing in: the webhook (it proves itself by its signature), the health check,
    /// the sign-in pages, sign-out, the error page. Static assets are open as well, known by their metadata.
    /// </summary>
    public static readonly IReadOnlySet<string> Open = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "/webhooks/pluvo", "/healthz", "/account/login", "/account/setup", "/account/access-denied",
        "/account/logout", "/error",
    };

    public static IReadOnlyList<RouteCall> Of(PluvoApp app)
    {
        // The first request builds the app, and with it the endpoints.
        using var _ = app.CreateClient();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return
        [
            .. endpoints.SelectMany(endpoint =>
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                    is { Count: > 0 } listed ? listed : ["GET", "POST"];
                var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
                var path = Parameter().Replace(pattern, m => m.Groups["constraint"].Value == "long" ? "1" : "x");
                var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
                var isAsset = endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
                return methods.Select(method => new RouteCall(method, path, pattern, isPage, isAsset));
            })
            .Distinct(),
        ];
    }

    public static bool IsOpen(RouteCall call) => call.IsStaticAsset || Open.Contains(call.Pattern);

    /// <summary>The route templates of every routable component, found by reflection.</summary>
    public static IReadOnlyList<string> ComponentTemplates() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .Distinct(),
    ];

    [GeneratedRegex(@"\{\*?(?<name>[^}:]+)(:(?<constraint>[^}]+))?\}")]
    private static partial Regex Parameter();
}
