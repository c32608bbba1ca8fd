using System.Security.Claims;

namespace PluvoDashboard.Accounts;

/// <summary>
/// Who asks for an action, as every service that changes something is told: a signed-in user, the holder of an
/// API token, or the command line. Services check <see cref="EnsureAdmin"/> themselves, so a page, an endpoint
/// and a hub method are held to the same rule whatever their buttons show.
/// </summary>
public sealed record Actor(string Name, bool IsAdmin, string? UserId = null)
{
    public const string Anonymous = "anonymous";

    /// <summary>The operator at the server's own command line, who can do anything.</summary>
    public static Actor CommandLine(string verb) => new($"command line ({verb})", IsAdmin: true);

    public static Actor From(ClaimsPrincipal user)
    {
        if (user.Identity is not { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return new Actor(Anonymous, IsAdmin: false);
        }

        return new Actor(name, user.IsInRole(DashboardRoles.Admin), user.FindFirstValue(ClaimTypes.NameIdentifier));
    }

    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public void EnsureAdmin(string action)
    {
        if (!IsAdmin)
        {
            throw new ActionNotAllowedException($"Only an admin may {action}; {Name} is a viewer.");
        }
    }
}

/// <summary>A viewer (or nobody) asked for something only an admin may do.</summary>
public sealed class ActionNotAllowedException(string message) : Exception(message);
