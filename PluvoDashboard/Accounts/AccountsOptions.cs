namespace PluvoDashboard.Accounts;

/// <summary>Settings of the <c>Accounts</c> section; <c>Accounts:DemoAdmin</c> is turned on by <c>--demo</c>.</summary>
public sealed class AccountsOptions
{
    /// <summary>
    /// How often a session is checked against its account (disabled, password or role changed); at most this
    /// long after such a change, the session ends.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Instead of a setup link, make an admin with a random password and print both to the console.</summary>
    public bool DemoAdmin { get; set; }
}
