namespace PluvoDashboard.Accounts;

/// <summary>The two roles: admins may change things, viewers may only look.</summary>
public static class DashboardRoles
{
    /// <summary>Everything: replay, rebuild, test events, users, API tokens.</summary>
    public const string Admin = "Admin";

    /// <summary>Reads every page and the API; replays nothing and changes nothing.</summary>
    public const string Viewer = "Viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];

    /// <summary>The role's name as written, or null when it is neither.</summary>
    public static string? Parse(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
