using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>
/// Every test app checks its own log for the secrets it knows when it is disposed (see <see cref="PluvoApp"/>),
/// so a whole test run is searched. This test goes further: it logs everything, from every library, at Debug,
/// while doing each thing that handles a secret, and searches the log and the pages and problems shown.
/// </summary>
public sealed class SecretsTests
{
    private const string PreviousKey = "the-previous-webhook-key";
    private const string ForwardingKey = "the-forwarding-signing-key";

    [Fact]
    public async Task NoSecretReachesTheLogAPageOrAProblemWhateverIsDone()
    {
        await using var destination = await RecordingEndpoint.StartAsync(_ => (200, TimeSpan.Zero));
        using var app = new PluvoApp()
            .With("Logging:LogLevel:Default", "Debug")
            .With("Logging:LogLevel:Microsoft", "Debug")
            .With("Logging:LogLevel:Microsoft.AspNetCore", "Debug")
            .With("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Debug")
            .With("Pluvo:PreviousWebhookKeys:0", PreviousKey)
            .With("Handlers:Forwarding:0:Name", "archive")
            .With("Handlers:Forwarding:0:Url", destination.Url.ToString())
            .With("Handlers:Forwarding:0:SigningKey", ForwardingKey);
        var shown = new List<string>();

        // Deliveries: accepted with either key, refused when forged, forwarded re-signed.
        var webhooks = app.CreateClient();
        var accepted = await webhooks.SendAsync(SignedDelivery.UserCreated("u-1").ToRequest());
        await accepted.AssertAcceptedAsync();
        await (await webhooks.SendAsync(SignedDelivery.UserCreated("u-2").SignedWith(PreviousKey).ToRequest()))
            .AssertAcceptedAsync();
        var forged = await webhooks.SendAsync(SignedDelivery.UserCreated("u-3").SignedWith("forged").ToRequest());
        shown.Add(await forged.Content.ReadAsStringAsync());
        await Eventually.HoldsAsync(() => Task.FromResult(destination.Requests.Count == 2), "both are forwarded");

        // Accounts: a right and a wrong password, a temporary password, a token used and revoked.
        var admin = await app.CreateUserAsync();
        var session = await app.SignInAsync(admin.Email, admin.Password);
        shown.Add(await (await app.CreateClient().PostSignInAsync(admin.Email, "a wrong password")).Content
            .ReadAsStringAsync());
        var invite = await app.Services.GetRequiredService<UserAdministration>()
            .InviteAsync(admin.Actor, "colleague@example.test", DashboardRoles.Viewer);
        app.KnownSecrets.Add(invite.TemporaryPassword!);
        var token = await app.CreateTokenAsync(owner: admin);
        var script = app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Secret);
        shown.Add(await script.GetStringAsync("/api/events"));
        await app.Services.GetRequiredService<ApiTokenService>().RevokeAsync(admin.Actor, token.Token.Id);
        shown.Add(await (await script.GetAsync("/api/events")).Content.ReadAsStringAsync());

        // The pages that talk about keys, tokens and users.
        foreach (var page in new[] { "/", "/settings", "/handlers", "/events/1" })
        {
            shown.Add(await session.GetStringAsync(page));
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(2, await db.WebhookEvents.CountAsync(e => e.Status == EventStatus.Processed));
        }

        string[] secrets =
        [
            PluvoApp.WebhookKey, PreviousKey, ForwardingKey, TestAccounts.Password, invite.TemporaryPassword!,
            token.Secret, $"Data Source={app.DatabasePath}",
        ];
        var log = app.Log.AllText;
        Assert.True(log.Length > 10_000, "The debug log is suspiciously short; is it captured?");
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, log));
        Assert.All(secrets, secret => Assert.All(shown, text => Assert.DoesNotContain(secret, text)));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
