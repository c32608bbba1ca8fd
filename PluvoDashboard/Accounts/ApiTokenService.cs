using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Accounts;

/// <summary>A token as it was made: the row, and the token itself, which is never available again.</summary>
public sealed record NewApiToken(ApiToken Token, string Secret);

/// <summary>
/// Makes, lists, revokes and checks personal API tokens. A token is <c>pdt_</c> and 43 characters of
/// base64url (32 random bytes). Only its SHA-256 is stored: a lookup by hash tells nothing about how close a
/// guess was, and the database holds nothing a script could sign in with.
/// </summary>
public sealed class ApiTokenService(
    IDbContextFactory<PluvoDbContext> dbFactory,
    AuditLog audit,
    TimeProvider time)
{
    public const string TokenStart = "pdt_";
    public const string AuthenticationMethod = "api-token";
    public const string TokenIdClaim = "pluvo:api_token_id";
    public const int NameMaxLength = 80;

    private const int PrefixLength = 12;

    /// <summary>A token's last use is written at most this often, so scripts do not cause a write per call.</summary>
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(5);

    /// <summary>Makes a token for the actor, acting with the given role (never more than the actor has).</summary>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    /// <exception cref="ArgumentException">The name is empty or too long, or the role is unknown.</exception>
    public async Task<NewApiToken> CreateAsync(
        Actor actor, string name, string role, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin("create API tokens");
        var tokenName = name.Trim();
        if (tokenName.Length is 0 or > NameMaxLength)
        {
            throw new ArgumentException($"Give the token a name of 1 to {NameMaxLength} characters.", nameof(name));
        }

        var tokenRole = DashboardRoles.Parse(role)
            ?? throw new ArgumentException($"'{role}' is not a role; use Admin or Viewer.", nameof(role));
        if (actor.UserId is null)
        {
            throw new ActionNotAllowedException("API tokens belong to a user; sign in to create one.");
        }

        var secret = TokenStart + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Name = tokenName,
            Prefix = secret[..PrefixLength],
            Hash = Hash(secret),
            OwnerId = actor.UserId,
            OwnerEmail = actor.Name,
            Role = tokenRole,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor.Name,
        };
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            db.ApiTokens.Add(token);
            await db.SaveChangesAsync(cancellationToken);
        }

        await audit.RecordAsync(actor, "API token created", $"token {token.Prefix}…",
            $"\"{token.Name}\", role {token.Role}", cancellationToken);
        return new NewApiToken(token, secret);
    }

    /// <returns>False when there is no such token, or it was revoked already.</returns>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public async Task<bool> RevokeAsync(Actor actor, long tokenId, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin("revoke API tokens");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return false;
        }

        token.RevokedAt = time.GetUtcNow();
        token.RevokedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(actor, "API token revoked", $"token {token.Prefix}…",
            $"\"{token.Name}\" of {token.OwnerEmail}", cancellationToken);
        return true;
    }

    /// <summary>Every token, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiToken>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiTokens.AsNoTracking().OrderByDescending(t => t.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The principal a token stands for: its owner's id and e-mail, and the lesser of the token's role and
    /// the owner's own. Null for an unknown or revoked token, or an owner who is disabled or has no role.
    /// </summary>
    public async Task<ClaimsPrincipal?> AuthenticateAsync(string secret, CancellationToken cancellationToken)
    {
        if (!secret.StartsWith(TokenStart, StringComparison.Ordinal) || secret.Length > 128)
        {
            return null;
        }

        var hash = Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Hash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null)
        {
            return null;
        }

        var owner = await db.Users.AsNoTracking()
            .Where(u => u.Id == token.OwnerId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        var ownerRoles = await (
                from userRole in db.UserRoles
                join r in db.Roles on userRole.RoleId equals r.Id
                where userRole.UserId == token.OwnerId
                select r.Name)
            .ToListAsync(cancellationToken);
        var role = EffectiveRole(token.Role, ownerRoles);
        if (owner?.Email is null || role is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (token.LastUsedAt is not { } lastUsed || now - lastUsed >= LastUseResolution)
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, owner.Id),
            new(ClaimTypes.Name, owner.Email),
            new(ClaimTypes.Role, role),
            new(TokenIdClaim, token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthenticationMethod));
    }

    private static string? EffectiveRole(string tokenRole, IReadOnlyCollection<string?> ownerRoles) =>
        ownerRoles.Contains(DashboardRoles.Admin) ? tokenRole
        : ownerRoles.Contains(DashboardRoles.Viewer) ? DashboardRoles.Viewer
        : null;

    private static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

}
