namespace PluvoDashboard.Accounts;

/// <summary>
/// A personal API token for scripts, sent as <c>Authorization: Bearer</c>. Only its SHA-256 hash is stored; the
/// token itself is shown once, when it is made. It acts as its owner, with at most the role it was given.
/// </summary>
public sealed class ApiToken
{
    public long Id { get; set; }

    /// <summary>What the token is for, as its maker named it ("nightly export").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the token, so a list can tell tokens apart without revealing them.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public required string Hash { get; set; }

    public required string OwnerId { get; set; }

    public required string OwnerEmail { get; set; }

    /// <summary><see cref="DashboardRoles.Admin"/> or <see cref="DashboardRoles.Viewer"/>.</summary>
    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
