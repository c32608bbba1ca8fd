using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PluvoDashboard.Accounts;

/// <summary>Adds a claim to the session of someone whose password is a temporary one, so pages send them on.</summary>
public sealed class DashboardClaimsFactory(
    UserManager<DashboardUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<DashboardUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(DashboardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(AccountsExtensions.MustChangePasswordClaim, "true"));
        }

        return identity;
    }
}

/// <summary>
/// Identity asks whether an account is "confirmed" before every sign-in; here that means not disabled.
/// </summary>
public sealed class EnabledUserConfirmation : IUserConfirmation<DashboardUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<DashboardUser> manager, DashboardUser user) =>
        Task.FromResult(!user.IsDisabled);
}

/// <summary>
/// The signed-in user of an interactive page. Every <see cref="AccountsOptions.SessionCheckInterval"/> it
/// checks that the account still exists, is not disabled and has the same security stamp (which changes with
/// the password, the role or disabling); if not, the page loses its user and sends the browser to sign in
/// again.
/// </summary>
public sealed class DashboardAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<IdentityOptions> options,
    IOptions<AccountsOptions> accounts)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval =>
        accounts.Value.SessionCheckInterval > TimeSpan.Zero
            ? accounts.Value.SessionCheckInterval
            : TimeSpan.FromSeconds(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = await users.GetUserAsync(authenticationState.User);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        var stamp = authenticationState.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}
