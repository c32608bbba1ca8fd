using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>Headers, cookies, forged requests, floods of forged deliveries and loops to the app itself.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/events")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        var client = await _app.SignedInClientAsync();

        var response = await client.GetAsync(path);

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("default-src 'self'", policy);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task TheSessionCookieIsSecureHttpOnlyAndSameSite()
    {
        var user = await _app.CreateUserAsync();

        var response = await _app.CreateClientWithoutRedirects().PostSignInAsync(user.Email, user.Password);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-pluvo-session="));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ASignInFormWithoutItsAntiforgeryTokenIsRefused()
    {
        var user = await _app.CreateUserAsync();

        var response = await _app.CreateClientWithoutRedirects().PostAsync(AccountsExtensions.LoginPath,
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "sign-in",
                ["Input.Email"] = user.Email,
                ["Input.Password"] = user.Password,
            }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie"
            && h.Value.Any(v => v.StartsWith("__Host-pluvo-session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task AnApiChangeSentWithTheSessionFromAnotherSiteIsRefused()
    {
        var admin = await _app.SignedInClientAsync();

        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/read-models/rebuild");
        forged.Headers.Add("Origin", "https://evil.example");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var ownPage = new HttpRequestMessage(HttpMethod.Post, "/api/read-models/rebuild");
        ownPage.Headers.Add("Origin", "https://localhost");
        ownPage.Headers.Add("Sec-Fetch-Site", "same-origin");

        var problem = await (await admin.SendAsync(forged)).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Cross-site request refused", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.SendAsync(ownPage)).StatusCode);
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == "rebuild"));
    }

    [Fact]
    public async Task TheAuditLogSaysWhoReplayedRebuiltAndChangedUsers()
    {
        var admin = await _app.CreateUserAsync();
        var client = await _app.ApiClientAsync(owner: admin);
        var id = (await (await client.SendAsync(SignedDelivery.UserCreated().ToRequest())).AssertAcceptedAsync()).Id;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.Processed;
        }, "the event is processed");

        await client.PostAsJsonAsync($"/api/events/{id}/replay", new { });
        await client.PostAsJsonAsync("/api/events/replay", new { eventType = "USER_*", confirm = true });
        await client.PostAsync("/api/read-models/rebuild", null);
        await _app.Services.GetRequiredService<UserAdministration>()
            .InviteAsync(admin.Actor, "colleague@example.test", DashboardRoles.Viewer);

        await using var check = _app.CreateDbContext();
        var entries = await check.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(
            [
                ("API token created", "token"), ("replay", $"event {id}"), ("bulk replay", "1 event"),
                ("rebuild", "read models"), ("user invited", "user colleague@example.test"),
            ],
            entries.Select(e =>
                (e.Action, e.Subject.StartsWith("token ", StringComparison.Ordinal) ? "token" : e.Subject)));
        Assert.All(entries, e => Assert.Equal(admin.Email, e.Actor));
        Assert.Equal("type USER_*", entries[2].Detail);
        Assert.Equal("through projection", entries[1].Detail);
    }

    [Fact]
    public async Task AFloodOfForgeriesFromOneAddressIsCutOffWhilePluvoIsStillServed()
    {
        using var app = new PluvoApp().With("Pluvo:RefusedDeliveriesPerMinute", "20");
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features
            .Get<IServerAddressesFeature>()!.Addresses.First());
        using var attacker = ClientFrom(IPAddress.Parse("127.0.0.2"), address);
        using var pluvo = ClientFrom(IPAddress.Loopback, address);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            var forged = SignedDelivery.UserCreated($"forged-{i}").SignedWith("forged").ToRequest();
            statuses.Add((await attacker.SendAsync(forged)).StatusCode);
        }

        var genuine = await pluvo.SendAsync(SignedDelivery.UserCreated("genuine").ToRequest());
        var genuineFromAttacker = await attacker.SendAsync(SignedDelivery.UserCreated("later").ToRequest());

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 20), statuses.Take(20));
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 10), statuses.Skip(20));
        await genuine.AssertAcceptedAsync();
        var problem = await genuineFromAttacker.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many refused deliveries", problem.GetProperty("title").GetString());
        Assert.True(genuineFromAttacker.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            var counts = await db.RejectionCounts.ToDictionaryAsync(c => c.Reason, c => c.Count);
            return counts.GetValueOrDefault(RejectionReason.InvalidSignature) == 20
                && counts.GetValueOrDefault(RejectionReason.RateLimited) == 11;
        }, "the refusals and the limited requests are counted");
        Assert.Contains("Deliveries from 127.0.0.2 are refused unread for a while", app.Log.AllText);
        await using var check = app.CreateDbContext();
        Assert.Equal(20, await check.RejectedDeliveries.CountAsync());
        Assert.DoesNotContain(check.RejectedDeliveries, r => r.Reason == RejectionReason.RateLimited);
    }

    [Theory]
    [InlineData("http://localhost:5080/webhooks/pluvo")]
    [InlineData("http://127.0.0.1:9999/webhooks/pluvo")]
    [InlineData("http://localhost:5080/anything")]
    public void AForwardingDestinationThatPointsAtTheAppItselfStopsTheAppNamingTheSetting(string url)
    {
        using var app = new PluvoApp()
            .With("urls", "http://localhost:5080")
            .With("Handlers:Forwarding:0:Name", "loop")
            .With("Handlers:Forwarding:0:Url", url)
            .With("Handlers:Forwarding:0:SigningKey", "loop-signing-key");

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Handlers:Forwarding:0:Url points at this app itself", error.ToString());
    }

    /// <summary>
    /// A client whose connections come from the given local address (any 127.x address is this host).
    /// </summary>
    private static HttpClient ClientFrom(IPAddress local, Uri server) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(local, 0));
            var host = context.DnsEndPoint.Host == "localhost"
                ? IPAddress.Loopback
                : IPAddress.Parse(context.DnsEndPoint.Host);
            await socket.ConnectAsync(new IPEndPoint(host, context.DnsEndPoint.Port), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        },
    })
    {
        BaseAddress = server,
    };
}
