using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>The sign-in form, lockout, temporary passwords, sign-out and sessions that end.</summary>
public sealed class SignInTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheRightPasswordSignsInAndLeadsBackToThePageAskedFor()
    {
        var user = await _app.CreateUserAsync(DashboardRoles.Viewer);
        var client = _app.CreateClientWithoutRedirects();

        var response = await client.PostSignInAsync(user.Email, user.Password, returnUrl: "/events?q=zoe");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/events?q=zoe", response.LocalLocation());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/events")).StatusCode);
        Assert.Contains($"{user.Email} signed in", _app.Log.AllText);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task AReturnAddressOnAnotherSiteIsIgnored(string returnUrl)
    {
        var user = await _app.CreateUserAsync();

        var response = await _app.CreateClientWithoutRedirects().PostSignInAsync(user.Email, user.Password, returnUrl);

        Assert.Equal("/", response.LocalLocation());
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists()
    {
        var user = await _app.CreateUserAsync();
        var client = _app.CreateClientWithoutRedirects();

        var wrongPassword = await client.PostSignInAsync(user.Email, "not the password at all");
        var noSuchUser = await client.PostSignInAsync("nobody@example.test", "not the password at all");

        foreach (var response in new[] { wrongPassword, noSuchUser })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("The e-mail address or the password is wrong.", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var user = await _app.CreateUserAsync();
        var client = _app.CreateClientWithoutRedirects();
        for (var i = 0; i < 5; i++)
        {
            await client.PostSignInAsync(user.Email, $"wrong password {i}");
        }

        var right = await client.PostSignInAsync(user.Email, user.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("this account is locked for 15 minutes", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        await using var db = _app.CreateDbContext();
        var stored = await db.Users.SingleAsync(u => u.Email == user.Email);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
        Assert.Contains($"Sign-in refused for {user.Email} from (null): locked out", _app.Log.AllText);
    }

    [Fact]
    public async Task SignInAttemptsFromOneAddressAreLimitedToTenAMinute()
    {
        var client = _app.CreateClientWithoutRedirects();
        var page = await client.GetAsync(AccountsExtensions.LoginPath);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await client.PostSignInAsync($"guess{i}@example.test", "a guessed password")).StatusCode);
        }

        // Each attempt opens the page first, which is never limited.
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 10), statuses.Take(10));
        var limited = await client.PostSignInAsync("guess@example.test", "a guessed password");
        var problem = await limited.AssertProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Contains("Too many sign-in attempts", problem.GetProperty("detail").GetString());
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task ADisabledAccountCannotSignInAndOnlyTheRightPasswordLearnsWhy()
    {
        var admin = await _app.CreateUserAsync();
        var user = await _app.CreateUserAsync(DashboardRoles.Viewer);
        var users = _app.Services.GetRequiredService<UserAdministration>();
        Assert.True((await users.SetDisabledAsync(admin.Actor, user.Id, disabled: true)).Succeeded);
        var client = _app.CreateClientWithoutRedirects();

        var right = await client.PostSignInAsync(user.Email, user.Password);
        var wrong = await client.PostSignInAsync(user.Email, "not the password at all");

        Assert.Contains("This account is disabled", await right.Content.ReadAsStringAsync());
        Assert.Contains("The e-mail address or the password is wrong.", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task AnInvitedUserMustChooseTheirOwnPasswordBeforeAnythingElse()
    {
        var admin = await _app.CreateUserAsync();
        var invite = await _app.Services.GetRequiredService<UserAdministration>()
            .InviteAsync(admin.Actor, "new.colleague@example.test", DashboardRoles.Viewer);
        var temporary = invite.TemporaryPassword!;
        _app.KnownSecrets.Add(temporary);
        var client = _app.CreateClientWithoutRedirects();

        var signedIn = await client.PostSignInAsync("new.colleague@example.test", temporary);
        var overview = await client.GetAsync("/");
        var api = await client.GetAsync("/api/events");

        Assert.StartsWith(AccountsExtensions.ChangePasswordPath, signedIn.LocalLocation());
        Assert.Equal(AccountsExtensions.ChangePasswordPath, overview.LocalLocation());
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);

        var changed = await client.PostFormAsync(AccountsExtensions.ChangePasswordPath, "change-password", new()
        {
            ["Input.Current"] = temporary,
            ["Input.New"] = TestAccounts.Password,
            ["Input.Confirm"] = TestAccounts.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await using var db = _app.CreateDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Email == "new.colleague@example.test")).MustChangePassword);
    }

    [Fact]
    public async Task ChangingThePasswordAsksForTheCurrentOneAndALongNewOne()
    {
        var user = await _app.CreateUserAsync();
        var client = await _app.SignInAsync(user.Email, user.Password);

        var wrongCurrent = await client.PostFormAsync(AccountsExtensions.ChangePasswordPath, "change-password", new()
        {
            ["Input.Current"] = "not the password at all",
            ["Input.New"] = "a brand new passphrase",
            ["Input.Confirm"] = "a brand new passphrase",
        });
        var tooShort = await client.PostFormAsync(AccountsExtensions.ChangePasswordPath, "change-password", new()
        {
            ["Input.Current"] = user.Password,
            ["Input.New"] = "short",
            ["Input.Confirm"] = "short",
        });

        Assert.Contains("The current password is wrong.", await wrongCurrent.Content.ReadAsStringAsync());
        Assert.Contains("at least 12 characters", await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect,
            (await _app.CreateClientWithoutRedirects().PostSignInAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task SigningOutEndsTheSession()
    {
        var client = await _app.SignedInClientAsync();
        var page = await client.GetStringAsync("/");
        Assert.Contains("data-testid=\"sign-out\"", page);

        var logout = await client.PostAsync(AccountsExtensions.LogoutPath, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryTokenOf(page) }));
        Assert.Equal($"{AccountsExtensions.LoginPath}?signedOut=1", logout.LocalLocation());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ASignOutFormFromAnotherSiteIsRefused()
    {
        var client = await _app.SignedInClientAsync();

        var forged = await client.PostAsync(AccountsExtensions.LogoutPath,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ASessionEndsOnceItsAccountIsDisabled()
    {
        _app.With("Accounts:SessionCheckInterval", "00:00:00");
        var admin = await _app.CreateUserAsync();
        var viewer = await _app.CreateUserAsync(DashboardRoles.Viewer);
        var session = await _app.SignInAsync(viewer.Email, viewer.Password);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);

        await _app.Services.GetRequiredService<UserAdministration>().SetDisabledAsync(admin.Actor, viewer.Id, true);

        var after = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains(AccountsExtensions.LoginPath, after.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ASessionEndsOnceItsRoleChangesSoTheOldRoleIsNotKept()
    {
        _app.With("Accounts:SessionCheckInterval", "00:00:00");
        var admin = await _app.CreateUserAsync();
        var other = await _app.CreateUserAsync();
        var session = await _app.SignInAsync(other.Email, other.Password);

        await _app.Services.GetRequiredService<UserAdministration>()
            .ChangeRoleAsync(admin.Actor, other.Id, DashboardRoles.Viewer);

        var rebuild = await session.PostAsync("/api/read-models/rebuild", null);
        await rebuild.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ASessionSurvivesARestartOfTheApp()
    {
        var folder = Directory.CreateTempSubdirectory("pluvo-restart-").FullName;
        try
        {
            string cookie;
            using (var first = new PluvoApp(folder))
            {
                var user = await first.CreateUserAsync();
                var signedIn = await first.CreateClientWithoutRedirects().PostSignInAsync(user.Email, user.Password);
                cookie = signedIn.Headers.GetValues("Set-Cookie")
                    .Single(c => c.StartsWith("__Host-pluvo-session=")).Split(';')[0];
            }

            // The keys that protect the cookie live in the database, so a new process can read it.
            using var restarted = new PluvoApp(folder);
            var client = restarted.CreateClientWithoutRedirects();
            client.DefaultRequestHeaders.Add("Cookie", cookie);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings")).StatusCode);
            await using var db = restarted.CreateDbContext();
            Assert.True(await db.DataProtectionKeys.AnyAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string AntiforgeryTokenOf(string page)
    {
        var match = System.Text.RegularExpressions.Regex.Match(
            page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
