using System.Net;
using System.Net.Http.Json;
using PluvoDashboard.Accounts;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>
/// From outside, with nothing but HTTP: every route refuses a stranger unless it is meant to be open, and
/// every route that changes something refuses a viewer.
/// </summary>
public sealed class RouteAccessTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public void EveryRoutableComponentIsAnEndpointOfTheApp()
    {
        var patterns = Routes.Of(_app).Select(c => c.Pattern).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(Routes.ComponentTemplates(), template => Assert.Contains(template, patterns));
        Assert.Contains("/api/events/{id:long}/replay", patterns);
        Assert.Contains("/hubs/events", patterns);
    }

    [Fact]
    public async Task EveryRouteAsksAStrangerToSignInExceptTheOpenOnes()
    {
        var stranger = _app.CreateClientWithoutRedirects();
        var calls = Routes.Of(_app);
        Assert.True(calls.Count > 40, $"Only {calls.Count} routes were found; are the endpoints read?");

        var wrong = new List<string>();
        foreach (var call in calls)
        {
            using var request = new HttpRequestMessage(new HttpMethod(call.Method), call.Path);
            using var response = await stranger.SendAsync(request);
            var challenged = IsSignInChallenge(response);
            if (challenged == Routes.IsOpen(call))
            {
                wrong.Add($"{call}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(wrong.Count == 0, "These routes answer a stranger wrongly:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task AnApiRouteAnswersAStrangerWithAProblemNotARedirect()
    {
        var response = await _app.CreateClientWithoutRedirects().GetAsync("/api/events");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Sign-in required", problem.GetProperty("title").GetString());
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task AViewerIsRefusedEveryRouteThatChangesSomethingWith403()
    {
        var changing = Routes.Of(_app)
            .Where(c => c.Method is not ("GET" or "HEAD") && !c.IsPage && !Routes.IsOpen(c)
                && !c.Pattern.StartsWith("/hubs/", StringComparison.Ordinal)
                && !c.Pattern.StartsWith("/_blazor", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(changing, c => c.Pattern == "/api/read-models/rebuild");
        var viewerSession = await _app.SignedInClientAsync(DashboardRoles.Viewer);
        var viewerToken = await _app.ApiClientAsync(DashboardRoles.Viewer);
        var adminToken = await _app.ApiClientAsync(DashboardRoles.Admin);

        foreach (var call in changing)
        {
            foreach (var viewer in new[] { viewerSession, viewerToken })
            {
                var refused = await viewer.SendAsync(Request(call));
                var problem = await refused.AssertProblemAsync(HttpStatusCode.Forbidden);
                Assert.Equal("Not allowed", problem.GetProperty("title").GetString());
            }

            // The same call is not refused to an admin, so the 403 above is about the role.
            var admin = await adminToken.SendAsync(Request(call));
            Assert.NotEqual(HttpStatusCode.Forbidden, admin.StatusCode);
        }

        await using var db = _app.CreateDbContext();
        Assert.DoesNotContain(db.AuditEntries, e => e.Actor.StartsWith("viewer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AViewerMayReadEveryPageAndTheApi()
    {
        var viewer = await _app.SignedInClientAsync(DashboardRoles.Viewer);

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/events")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/export/completions.csv")).StatusCode);
    }

    private static HttpRequestMessage Request(RouteCall call) => new(new HttpMethod(call.Method), call.Path)
    {
        Content = JsonContent.Create(new { }),
    };

    /// <summary>
    /// A redirect to the sign-in page with the way back (pages), or a 401 that asks for a token (the API and
    /// hub). Signing out also leads to the sign-in page, but without a way back.
    /// </summary>
    private static bool IsSignInChallenge(HttpResponseMessage response) =>
        (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location?.ToString() is { } location
            && location.Contains(AccountsExtensions.LoginPath, StringComparison.Ordinal)
            && location.Contains("ReturnUrl=", StringComparison.OrdinalIgnoreCase))
        || (response.StatusCode == HttpStatusCode.Unauthorized && response.Headers.WwwAuthenticate.Count > 0);
}
