using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>An instance without accounts can be claimed only through the setup link in its log, once.</summary>
public sealed partial class FirstRunTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private string SetupToken()
    {
        // The link is written once the app has started.
        using var _ = _app.CreateClient();
        var match = SetupLink().Match(_app.Log.AllText);
        Assert.True(match.Success, "The log holds no setup link.");
        return match.Groups["token"].Value;
    }

    private Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string token, string email) =>
        client.PostFormAsync($"{AccountsExtensions.SetupPath}?token={Uri.EscapeDataString(token)}", "setup", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = TestAccounts.Password,
            ["Input.Confirm"] = TestAccounts.Password,
        });

    [Fact]
    public async Task WhileNoAccountExistsTheSignInPageSaysWhereTheSetupLinkIs()
    {
        var page = await _app.CreateClient().GetStringAsync(AccountsExtensions.LoginPath);

        Assert.Contains("data-testid=\"first-run\"", page);
        Assert.Contains("one-time setup link to its log", page);
        Assert.DoesNotContain(SetupToken(), page);
    }

    [Fact]
    public async Task TheSetupLinkCreatesTheFirstAdminAndSignsThemIn()
    {
        var client = _app.CreateClientWithoutRedirects();

        var response = await PostSetupAsync(client, SetupToken(), "first.admin@example.test");

        Assert.Equal("/", response.LocalLocation());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings")).StatusCode);
        await using var db = _app.CreateDbContext();
        var admin = await db.Users.SingleAsync();
        Assert.Equal("first.admin@example.test", admin.Email);
        Assert.Contains(await db.UserRoles.Where(r => r.UserId == admin.Id).Select(r => r.RoleId).ToListAsync(),
            id => db.Roles.Single(r => r.Id == id).Name == DashboardRoles.Admin);
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(("first.admin@example.test", "first admin created"), (audit.Actor, audit.Action));
    }

    [Fact]
    public async Task TheSetupLinkWorksOnlyOnce()
    {
        var token = SetupToken();
        await PostSetupAsync(_app.CreateClientWithoutRedirects(), token, "first.admin@example.test");

        var page = await _app.CreateClient().GetStringAsync($"{AccountsExtensions.SetupPath}?token={token}");
        var second = await _app.Services.GetRequiredService<FirstRunSetup>()
            .CreateFirstAdminAsync(token, "second.admin@example.test", TestAccounts.Password, remote: null);

        Assert.Contains("data-testid=\"setup-done\"", page);
        Assert.DoesNotContain("Input.Password", page);
        Assert.Equal(SetupOutcome.AlreadySetUp, second.Outcome);
        await using var db = _app.CreateDbContext();
        Assert.Equal(["first.admin@example.test"], await db.Users.Select(u => u.Email).ToListAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("guessed-token")]
    public async Task WithoutTheRightTokenTheSetupPageOffersNoForm(string token)
    {
        var page = await _app.CreateClient().GetStringAsync($"{AccountsExtensions.SetupPath}?token={token}");

        Assert.Contains("data-testid=\"setup-invalid\"", page);
        Assert.DoesNotContain("Input.Password", page);
    }

    [Fact]
    public async Task APostWithAWrongTokenCreatesNobody()
    {
        var client = _app.CreateClient();
        var real = SetupToken();
        var page = await client.GetStringAsync($"{AccountsExtensions.SetupPath}?token={real}");
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;

        var forged = await client.PostAsync($"{AccountsExtensions.SetupPath}?token=wrong-token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "setup",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(antiforgery),
                ["Input.Email"] = "intruder@example.test",
                ["Input.Password"] = TestAccounts.Password,
                ["Input.Confirm"] = TestAccounts.Password,
            }));

        // With a wrong token the page has no setup form, so there is nothing the post could submit.
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await using var db = _app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task OnceAnAccountExistsNoSetupLinkIsWrittenAtStart()
    {
        await _app.CreateUserAsync();
        using var restarted = new PluvoApp(_app.Folder);
        _ = restarted.CreateClient();

        Assert.DoesNotContain("To create the first admin", restarted.Log.AllText);
        var page = await restarted.CreateClient().GetStringAsync(AccountsExtensions.LoginPath);
        Assert.DoesNotContain("data-testid=\"first-run\"", page);
    }

    [Fact]
    public async Task TheDemoSettingMakesAnAdminInsteadOfASetupLink()
    {
        using var demo = new PluvoApp().With("Accounts:DemoAdmin", "true");
        _ = demo.CreateClient();

        await using var db = demo.CreateDbContext();
        Assert.Equal([FirstRunSetup.DemoAdminEmail], await db.Users.Select(u => u.Email).ToListAsync());
        Assert.DoesNotContain("To create the first admin", demo.Log.AllText);
    }

    [GeneratedRegex(@"/account/setup\?token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex SetupLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
