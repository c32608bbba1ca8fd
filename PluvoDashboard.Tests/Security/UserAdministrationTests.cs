using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Accounts;
using PluvoDashboard.Components.Pages.Settings;
using PluvoDashboard.Tests.Operations;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Security;

/// <summary>Admins manage accounts on the settings page; the instance always keeps an enabled admin.</summary>
public sealed class UserAdministrationTests : IDisposable
{
    private readonly PluvoApp _app = new();

    public void Dispose() => _app.Dispose();

    private UserAdministration Users => _app.Services.GetRequiredService<UserAdministration>();

    [Fact]
    public async Task TheOnlyEnabledAdminCanBeNeitherDemotedNorDisabled()
    {
        var admin = await _app.CreateUserAsync();
        var other = await _app.CreateUserAsync(DashboardRoles.Viewer);

        var demoted = await Users.ChangeRoleAsync(other.Actor with { IsAdmin = true }, admin.Id, DashboardRoles.Viewer);
        var disabled = await Users.SetDisabledAsync(other.Actor with { IsAdmin = true }, admin.Id, true);
        var self = await Users.SetDisabledAsync(admin.Actor, admin.Id, true);

        Assert.Contains("only enabled admin", demoted.Error);
        Assert.Contains("only enabled admin", disabled.Error);
        Assert.Equal("You cannot disable your own account.", self.Error);
        var listed = (await Users.ListAsync()).Single(u => u.Id == admin.Id);
        Assert.Equal((DashboardRoles.Admin, false), (listed.Role, listed.IsDisabled));
    }

    [Theory]
    [InlineData("not an address", "is not an e-mail address")]
    [InlineData("admin1@example.test", "is already taken")]
    public async Task AnInviteToABadOrTakenAddressSaysWhy(string email, string error)
    {
        var admin = await _app.CreateUserAsync(email: "admin1@example.test");

        var result = await Users.InviteAsync(admin.Actor, email, DashboardRoles.Viewer);

        Assert.False(result.Succeeded);
        Assert.Contains(error, result.Error);
        Assert.Null(result.TemporaryPassword);
    }

    [Fact]
    public async Task AResetGivesATemporaryPasswordAndLiftsALockout()
    {
        var admin = await _app.CreateUserAsync();
        var locked = await _app.CreateUserAsync(DashboardRoles.Viewer);
        var client = _app.CreateClientWithoutRedirects();
        for (var i = 0; i < 5; i++)
        {
            await client.PostSignInAsync(locked.Email, "wrong password again");
        }

        Assert.NotNull((await Users.ListAsync()).Single(u => u.Id == locked.Id).LockedOutUntil);

        var reset = await Users.ResetPasswordAsync(admin.Actor, locked.Id);
        _app.KnownSecrets.Add(reset.TemporaryPassword!);

        var signedIn = await client.PostSignInAsync(locked.Email, reset.TemporaryPassword!);
        Assert.StartsWith(AccountsExtensions.ChangePasswordPath, signedIn.LocalLocation());
        var listed = (await Users.ListAsync()).Single(u => u.Id == locked.Id);
        Assert.Null(listed.LockedOutUntil);
        Assert.True(listed.MustChangePassword);
        var oldPassword = await _app.CreateClientWithoutRedirects().PostSignInAsync(locked.Email, locked.Password);
        Assert.Contains("The e-mail address or the password is wrong.", await oldPassword.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminInvitesAColleagueOnTheSettingsPageAndSeesTheTemporaryPasswordOnce()
    {
        await using var context = OperationsContext.Create(_app);
        var providers = context.RenderProviders();
        await _app.CreateUserAsync(email: "admin@example.test");
        var page = context.Render<SettingsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=user-row]")));

        page.Find("input[data-testid=invite-email]").Input("colleague@example.test");
        await page.Find("[data-testid=invite-user]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=user-row]").Count));
        var secret = page.Find("[data-testid=secret-value]").TextContent;
        _app.KnownSecrets.Add(secret);
        Assert.Equal(16, secret.Length);
        var row = page.FindAll("[data-testid=user-row]").Single(r => r.TextContent.Contains("colleague@example.test"));
        Assert.Equal(DashboardRoles.Viewer, row.QuerySelector("[data-testid=user-role]")!.TextContent);
        Assert.Equal("Has a temporary password", row.QuerySelector("[data-testid=user-status]")!.TextContent);
        Assert.Empty(providers.Dialogs.FindAll(".mud-dialog"));
        var signedIn = await _app.CreateClientWithoutRedirects().PostSignInAsync("colleague@example.test", secret);
        Assert.StartsWith(AccountsExtensions.ChangePasswordPath, signedIn.LocalLocation());

        // Read again, the page shows the account, never the password.
        var again = context.Render<SettingsPage>();
        again.WaitForAssertion(() => Assert.Equal(2, again.FindAll("[data-testid=user-row]").Count));
        Assert.DoesNotContain(secret, again.Markup);
    }

    [Fact]
    public async Task TheSettingsPageListsTheAuditLogNewestFirst()
    {
        var admin = await _app.CreateUserAsync(email: "admin@example.test");
        await Users.InviteAsync(admin.Actor, "first@example.test", DashboardRoles.Viewer);
        await Users.InviteAsync(admin.Actor, "second@example.test", DashboardRoles.Admin);
        await using var context = OperationsContext.Create(_app);
        context.RenderProviders();

        var page = context.Render<SettingsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=audit-row]").Count));
        var rows = page.FindAll("[data-testid=audit-row]");
        Assert.Equal("user second@example.test", rows[0].QuerySelector("[data-testid=audit-subject]")!.TextContent);
        Assert.Equal("user invited", rows[1].QuerySelector("[data-testid=audit-action]")!.TextContent);
        Assert.Contains("admin@example.test", rows[1].TextContent);
        Assert.Contains("role Viewer", rows[1].TextContent);
    }
}
