using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Accounts;

/// <summary>One account as the settings page lists it.</summary>
public sealed record UserSummary(
    string Id,
    string Email,
    string Role,
    bool IsDisabled,
    bool MustChangePassword,
    DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt);

/// <summary>The outcome of a change to an account; a temporary password when one was made.</summary>
public sealed record UserChange(bool Succeeded, string? Error = null, string? TemporaryPassword = null)
{
    public static UserChange Refused(string error) => new(false, error);
}

/// <summary>
/// Accounts as admins manage them: invite (an account with a temporary password, to be changed at the first
/// sign-in), change role, disable and enable, reset a password. Every change is audited and ends the
/// account's other sessions. The last enabled admin can be neither demoted nor disabled, so the instance
/// always has somebody who can manage it.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopes,
    IDbContextFactory<PluvoDbContext> dbFactory,
    AuditLog audit,
    TimeProvider time,
    ILogger<UserAdministration> logger)
{
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<bool> AnyUserExistsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
                from user in db.Users.AsNoTracking()
                join userRole in db.UserRoles on user.Id equals userRole.UserId into userRoles
                from userRole in userRoles.DefaultIfEmpty()
                join role in db.Roles on userRole.RoleId equals role.Id into roles
                from role in roles.DefaultIfEmpty()
                select new { user, RoleName = role == null ? null : role.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows
            .GroupBy(r => r.user.Id)
            .Select(g =>
            {
                var user = g.First().user;
                var role = g.Select(r => r.RoleName).Contains(DashboardRoles.Admin)
                    ? DashboardRoles.Admin
                    : g.Select(r => r.RoleName).FirstOrDefault(r => r is not null) ?? "none";
                return new UserSummary(user.Id, user.Email ?? user.UserName ?? user.Id, role, user.IsDisabled,
                    user.MustChangePassword, user.LockoutEnd > now ? user.LockoutEnd : null, user.CreatedAt);
            })
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Creates an account with a temporary password that must be changed at the first sign-in.</summary>
    public async Task<UserChange> InviteAsync(
        Actor actor, string email, string role, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin("invite users");
        var password = TemporaryPassword();
        var created = await CreateAsync(email, role, password, mustChangePassword: true);
        if (!created.Succeeded)
        {
            return created;
        }

        await RecordAsync(actor, "user invited", email.Trim(), $"role {DashboardRoles.Parse(role)}", cancellationToken);
        return created with { TemporaryPassword = password };
    }

    /// <summary>Creates an account; no check of who asks (the first-run setup, the demo, the command line).</summary>
    internal async Task<UserChange> CreateAsync(string email, string role, string password, bool mustChangePassword)
    {
        var address = email.Trim();
        if (DashboardRoles.Parse(role) is not { } roleName)
        {
            return UserChange.Refused($"'{role}' is not a role; use Admin or Viewer.");
        }

        if (!System.Net.Mail.MailAddress.TryCreate(address, out var parsed) || parsed.Address != address)
        {
            return UserChange.Refused($"'{address}' is not an e-mail address.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        var user = new DashboardUser
        {
            UserName = address,
            Email = address,
            EmailConfirmed = true,
            CreatedAt = time.GetUtcNow(),
            MustChangePassword = mustChangePassword,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, roleName);
        }

        return result.Succeeded ? new UserChange(true) : UserChange.Refused(Describe(result));
    }

    public async Task<UserChange> ChangeRoleAsync(
        Actor actor, string userId, string role, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin("change roles");
        if (DashboardRoles.Parse(role) is not { } roleName)
        {
            return UserChange.Refused($"'{role}' is not a role; use Admin or Viewer.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.Refused("There is no such user.");
        }

        var current = await users.GetRolesAsync(user);
        if (current.SequenceEqual([roleName]))
        {
            return new UserChange(true);
        }

        if (current.Contains(DashboardRoles.Admin) && await IsLastEnabledAdminAsync(users, user))
        {
            return UserChange.Refused("This is the only enabled admin; make somebody else an admin first.");
        }

        var result = await users.RemoveFromRolesAsync(user, current);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, roleName);
        }

        if (!result.Succeeded)
        {
            return UserChange.Refused(Describe(result));
        }

        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(actor, "role changed", user.Email!, $"{string.Join(", ", current)} → {roleName}",
            cancellationToken);
        return new UserChange(true);
    }

    /// <summary>Disables an account (its sessions and tokens stop working) or enables it again.</summary>
    public async Task<UserChange> SetDisabledAsync(
        Actor actor, string userId, bool disabled, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin(disabled ? "disable users" : "enable users");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.Refused("There is no such user.");
        }

        if (user.IsDisabled == disabled)
        {
            return new UserChange(true);
        }

        if (disabled && user.Id == actor.UserId)
        {
            return UserChange.Refused("You cannot disable your own account.");
        }

        if (disabled && await users.IsInRoleAsync(user, DashboardRoles.Admin)
            && await IsLastEnabledAdminAsync(users, user))
        {
            return UserChange.Refused("This is the only enabled admin; make somebody else an admin first.");
        }

        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return UserChange.Refused(Describe(result));
        }

        await users.UpdateSecurityStampAsync(user);
        await RecordAsync(actor, disabled ? "user disabled" : "user enabled", user.Email!, null, cancellationToken);
        return new UserChange(true);
    }

    /// <summary>Gives an account a new temporary password and lifts a lockout.</summary>
    public async Task<UserChange> ResetPasswordAsync(
        Actor actor, string userId, CancellationToken cancellationToken = default)
    {
        actor.EnsureAdmin("reset passwords");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DashboardUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return UserChange.Refused("There is no such user.");
        }

        var password = TemporaryPassword();
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddPasswordAsync(user, password);
        }

        if (!result.Succeeded)
        {
            return UserChange.Refused(Describe(result));
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await RecordAsync(actor, "password reset", user.Email!, null, cancellationToken);
        return new UserChange(true, TemporaryPassword: password);
    }

    private static async Task<bool> IsLastEnabledAdminAsync(UserManager<DashboardUser> users, DashboardUser user)
    {
        var admins = await users.GetUsersInRoleAsync(DashboardRoles.Admin);
        return admins.Where(a => !a.IsDisabled).All(a => a.Id == user.Id);
    }

    private async Task RecordAsync(
        Actor actor, string action, string subject, string? detail, CancellationToken cancellationToken)
    {
        AccountsLog.UserChanged(logger, actor.Name, action, subject);
        await audit.RecordAsync(actor, action, $"user {subject}", detail, cancellationToken);
    }

    /// <summary>16 characters without look-alikes (0/O, 1/l/I): about 93 bits, easy to read out.</summary>
    internal static string TemporaryPassword() => RandomNumberGenerator.GetString(PasswordAlphabet, 16);

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));
}
