using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PluvoDashboard.Accounts;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AccountBrowserTests(ChromiumFixture chromium)
{
    [Fact]
    public async Task AStrangerSeesOnlyTheSignInPage()
    {
        await using var session = await BrowserSession.StartAsync(chromium, role: null);

        foreach (var path in new[] { "/", "/events", "/settings", "/no-such-page" })
        {
            await session.Page.GotoAsync(path);

            await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
            await Expect(session.Page.Locator("h1")).ToHaveTextAsync("Sign in");
            await Expect(session.Page.GetByText("Overview")).ToHaveCountAsync(0);
        }

        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task SigningInShowsWhoIsSignedInAndSigningOutEndsIt()
    {
        await using var session = await BrowserSession.StartAsync(chromium, role: null);
        var user = await session.App.CreateUserAsync(DashboardRoles.Viewer);

        await session.SignInAsync(user.Email, user.Password);
        await session.Page.Locator("#circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        await Expect(session.Page.GetByTestId("signed-in-as")).ToHaveTextAsync(user.Email);
        await Expect(session.Page.GetByTestId("signed-in-role")).ToContainTextAsync("Viewer");
        await session.Page.GetByTestId("sign-out").ClickAsync();
        await Expect(session.Page.GetByTestId("signed-out")).ToBeVisibleAsync();
        await session.Page.GotoAsync("/events");
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        Assert.Empty(session.ConsoleErrors);
    }

    [Fact]
    public async Task AViewerSeesNoReplayButtonAndAForgedReplayRequestIsRefused()
    {
        await using var session = await BrowserSession.StartAsync(chromium, role: DashboardRoles.Viewer);
        var id = await session.PostWebhookAsync(SignedDelivery.UserCreated());
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = session.App.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.Processed;
        }, "the event is processed");

        await session.OpenAsync($"/events/{id}");

        await Expect(session.Page.GetByTestId("event-heading")).ToContainTextAsync("Zoë Ñúñez");
        await Expect(session.Page.GetByTestId("replay-button")).ToHaveCountAsync(0);
        await Expect(session.Page.GetByText("Only admins can replay events.")).ToBeVisibleAsync();

        // The viewer writes the request the button would have sent, from the dashboard's own page.
        var status = await session.Page.EvaluateAsync<int>($$"""
            fetch('/api/events/{{id}}/replay', {
                method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
            .then(r => r.status)
            """);

        Assert.Equal(403, status);
        await using var check = session.App.CreateDbContext();
        Assert.False(await check.HandlerRuns.AnyAsync(r => r.IsReplay));
        Assert.False(await check.AuditEntries.AnyAsync());
    }

    [Fact]
    public async Task AnAdminInvitesAColleagueWhoSignsInAsAViewerWithTheirOwnPassword()
    {
        await using var admin = await BrowserSession.StartAsync(chromium);
        await admin.OpenAsync("/settings");

        await admin.Page.GetByTestId("invite-email").FillAsync("colleague@example.test");
        await admin.Page.GetByTestId("invite-user").ClickAsync();
        var temporary = await admin.Page.GetByTestId("secret-value").TextContentAsync() ?? "";
        admin.App.KnownSecrets.Add(temporary);
        await Expect(admin.Page.GetByTestId("user-row").Filter(new() { HasText = "colleague@example.test" }))
            .ToContainTextAsync("Has a temporary password");

        await using var colleagueContext = await chromium.Browser.NewContextAsync(new()
        {
            BaseURL = admin.BaseAddress.ToString(),
        });
        var colleague = await colleagueContext.NewPageAsync();
        await colleague.GotoAsync(AccountsExtensions.LoginPath);
        await colleague.GetByLabel("E-mail address").FillAsync("colleague@example.test");
        await colleague.GetByLabel("Password").FillAsync(temporary);
        await colleague.GetByTestId("sign-in").ClickAsync();
        await Expect(colleague.GetByTestId("must-change")).ToBeVisibleAsync();
        await colleague.GetByLabel("Current password").FillAsync(temporary);
        await colleague.GetByLabel("New password (at least 12 characters)").FillAsync(TestAccounts.Password);
        await colleague.GetByLabel("New password again").FillAsync(TestAccounts.Password);
        await colleague.GetByTestId("change-password").ClickAsync();

        await colleague.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(colleague.GetByTestId("signed-in-role")).ToContainTextAsync("Viewer");
        await Expect(colleague.GetByTestId("event-count")).ToBeVisibleAsync();
    }
}
