using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PluvoDashboard.Audit;

namespace PluvoDashboard.Accounts;

public enum SetupOutcome
{
    Created,
    InvalidToken,
    AlreadySetUp,
    Refused,
}

/// <summary>
/// While no account exists, nobody can sign in, so at start-up this makes a random one-time token and writes
/// a setup link with it to the log: whoever can read the server's log can claim the instance, nobody else.
/// The link creates the first admin and then stops working. The token lives only in memory; a restart
/// makes a new one.
/// </summary>
public sealed class FirstRunSetup(
    UserAdministration users,
    AuditLog audit,
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<AccountsOptions> options,
    ILogger<FirstRunSetup> logger) : IHostedService
{
    public const string DemoAdminEmail = "demo@pluvodashboard.example";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _token;

    /// <summary>Whether the instance still waits for its first admin.</summary>
    public bool IsPending => Volatile.Read(ref _token) is not null;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.AnyUserExistsAsync(cancellationToken))
        {
            return;
        }

        if (options.Value.DemoAdmin)
        {
            await CreateDemoAdminAsync();
            return;
        }

        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));
        Volatile.Write(ref _token, Encoding.ASCII.GetBytes(token));

        // The addresses are known once the server listens.
        lifetime.ApplicationStarted.Register(() => AccountsLog.SetupLink(logger, SetupLink(token)));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether this is the setup token; compared in constant time.</summary>
    public bool Accepts(string? token)
    {
        var expected = Volatile.Read(ref _token);
        return expected is not null && token is not null
            && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(token));
    }

    /// <summary>Creates the first admin if the token is right and still nobody else has.</summary>
    public async Task<(SetupOutcome Outcome, string? Error)> CreateFirstAdminAsync(
        string? token, string email, string password, string? remote)
    {
        await _gate.WaitAsync();
        try
        {
            if (!Accepts(token))
            {
                AccountsLog.SetupRefused(logger, remote, IsPending ? "wrong token" : "already set up");
                return (IsPending ? SetupOutcome.InvalidToken : SetupOutcome.AlreadySetUp, null);
            }

            if (await users.AnyUserExistsAsync())
            {
                Volatile.Write(ref _token, null);
                return (SetupOutcome.AlreadySetUp, null);
            }

            var created = await users.CreateAsync(email, DashboardRoles.Admin, password, mustChangePassword: false);
            if (!created.Succeeded)
            {
                return (SetupOutcome.Refused, created.Error);
            }

            Volatile.Write(ref _token, null);
            AccountsLog.FirstAdminCreated(logger, email.Trim());
            await audit.RecordAsync(new Actor(email.Trim(), IsAdmin: true), "first admin created",
                $"user {email.Trim()}", "through the one-time setup link");
            return (SetupOutcome.Created, null);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CreateDemoAdminAsync()
    {
        var password = UserAdministration.TemporaryPassword();
        var created = await users.CreateAsync(
            DemoAdminEmail, DashboardRoles.Admin, password, mustChangePassword: false);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"The demo admin could not be created: {created.Error}");
        }

        await audit.RecordAsync(Actor.CommandLine("--demo"), "user created", $"user {DemoAdminEmail}", "demo admin");

        // On the console, not in the log: the log may be kept and shipped elsewhere, a demo's password need not.
        await Console.Out.WriteLineAsync(
            $"Demo admin created: sign in as {DemoAdminEmail} with the password {password}");
    }

    private string SetupLink(string token)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
        address = address.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost")
            .Replace("://+", "://localhost").Replace("://*", "://localhost");
        return $"{address.TrimEnd('/')}{AccountsExtensions.SetupPath}?token={token}";
    }

}
