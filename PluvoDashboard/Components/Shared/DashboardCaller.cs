using Microsoft.AspNetCore.Components.Authorization;

namespace PluvoDashboard.Components.Shared;

/// <summary>
/// Who is using the dashboard, for the audit trail of replays and rebuilds: the signed-in user's name, or
/// "anonymous" as the JSON API says, until sign-in exists.
/// </summary>
public static class DashboardCaller
{
    public const string Anonymous = "anonymous";

    public static async Task<string> NameAsync(IServiceProvider services)
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } authentication)
        {
            return Anonymous;
        }

        try
        {
            var state = await authentication.GetAuthenticationStateAsync();
            return state.User.Identity?.Name ?? Anonymous;
        }
        catch (InvalidOperationException)
        {
            // No authentication state was set for this circuit: nobody is signed in.
            return Anonymous;
        }
    }
}
