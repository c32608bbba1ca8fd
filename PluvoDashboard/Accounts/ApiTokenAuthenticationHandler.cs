using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PluvoDashboard.Live;

namespace PluvoDashboard.Accounts;

/// <summary>
/// Signs in scripts by their API token: <c>Authorization: Bearer pdt_…</c>, or for the live hub, whose browser
/// clients cannot set headers on a WebSocket, the <c>access_token</c> query parameter. Refusals are problem
/// details, as everywhere in the API.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenService tokens,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    private const string BearerPrefix = "Bearer ";

    /// <summary>The token a request carries, or null when it carries none.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return header[BearerPrefix.Length..].Trim();
        }

        return request.Path.StartsWithSegments(EventsHub.Path)
            && request.Query.TryGetValue("access_token", out var query) ? query.ToString() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (TokenOf(Request) is not { } token)
        {
            return AuthenticateResult.NoResult();
        }

        var principal = await tokens.AuthenticateAsync(token, Context.RequestAborted);
        return principal is null
            ? AuthenticateResult.Fail("The API token is unknown or revoked, or its owner is disabled.")
            : AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = TokenOf(Request) is null
            ? "Sign in to the dashboard, or send an API token as 'Authorization: Bearer <token>'. An admin " +
              "creates tokens on the settings page."
            : "The API token is unknown or was revoked, or its owner's account is disabled.";
        await WriteProblemAsync("Sign-in required", detail);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync("Not allowed",
            "Only an admin may do this. Viewers, and tokens made with the Viewer role, may only read.");
    }

    private async Task WriteProblemAsync(string title, string detail)
    {
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        });
    }
}
