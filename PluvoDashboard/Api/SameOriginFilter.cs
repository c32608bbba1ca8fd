using Microsoft.AspNetCore.Identity;

namespace PluvoDashboard.Api;

/// <summary>
/// Refuses a request that changes something, is signed in by the session cookie, and was sent by a page of
/// another site: the browser would attach the cookie to such a forged request (cross-site request forgery).
/// Browsers say where a request comes from in <c>Sec-Fetch-Site</c> and <c>Origin</c>; scripts that use an
/// API token are not affected.
/// </summary>
public sealed class SameOriginFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            && http.User.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme
            && !FromThisSite(http.Request))
        {
            return TypedResults.Problem(
                "A request signed in by the dashboard's session must come from the dashboard's own pages. " +
                "Scripts should send an API token instead.",
                statusCode: StatusCodes.Status403Forbidden,
                title: "Cross-site request refused");
        }

        return await next(context);
    }

    private static bool FromThisSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is "same-origin" or "none";
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0
            || (Uri.TryCreate(origin, UriKind.Absolute, out var uri)
                && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }
}
