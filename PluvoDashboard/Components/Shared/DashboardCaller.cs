using Microsoft.AspNetCore.Components.Authorization;
using PluvoDashboard.Accounts;

namespace PluvoDashboard.Components.Shared;

/// <summary>Who is using an interactive page, as the services that change things must be told.</summary>
public static class DashboardCaller
{
    public static async Task<Actor> ActorAsync(IServiceProvider services)
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } authentication)
        {
            return Actor.From(new System.Security.Claims.ClaimsPrincipal());
        }

        var state = await authentication.GetAuthenticationStateAsync();
        return Actor.From(state.User);
    }
}
