using Microsoft.AspNetCore.Identity;

namespace PluvoDashboard.Accounts;

/// <summary>
/// Someone who may sign in to the dashboard. The e-mail address is the user name. A disabled user cannot sign
/// in, and their API tokens stop working; the account stays for the audit trail.
/// </summary>
public sealed class DashboardUser : IdentityUser
{
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsDisabled { get; set; }

    /// <summary>Set on accounts created with a temporary password: the first sign-in asks for a new one.</summary>
    public bool MustChangePassword { get; set; }
}
