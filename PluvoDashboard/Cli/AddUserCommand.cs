using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Cli;

/// <summary>
/// <c>add-user</c>: makes a dashboard account from the server's command line, for a first admin without the
/// setup link, another admin when the last one forgot their password, or a script's own account.
/// </summary>
public static class AddUserCommand
{
    public const string Usage = """
        Usage: PluvoDashboard add-user EMAIL [--role Admin|Viewer] [--database PATH] [--password-stdin]

        Makes a dashboard account. By default it prints a temporary password, which must be changed at the
        first sign-in.
          --role ROLE        Admin (everything) or Viewer (reads everything, changes nothing); default Admin
          --database PATH    the SQLite file; default: the app's configured database (ConnectionStrings:Pluvo)
          --password-stdin   read the password from the first line of standard input instead (for scripts);
                             it is kept, not temporary

        Exit code: 0 when made, 1 when refused (the address is taken, the password too short), 2 for usage errors.

        """;

    private static readonly string[] OptionNames = ["role", "database"];
    private static readonly string[] Switches = ["password-stdin"];

    public static async Task<int> RunAsync(
        IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken stop)
    {
        var options = CommandOptions.Parse(args, OptionNames, Switches);
        var fromInput = options.Has("password-stdin");
        if (options.Help)
        {
            output.Write(Usage);
            return 0;
        }

        if (options.Arguments is not [var email])
        {
            throw new UsageException("add-user takes one e-mail address.");
        }

        var role = DashboardRoles.Parse(options.Text("role") ?? DashboardRoles.Admin)
            ?? throw new UsageException($"Option '--role' must be Admin or Viewer, not '{options.Text("role")}'.");
        var password = fromInput ? await input.ReadLineAsync(stop) ?? "" : UserAdministration.TemporaryPassword();

        var configuration = ReceiverSettings.LoadConfiguration(options.ConfigurationArgs);
        var connectionString = options.Text("database") is { } path
            ? $"Data Source={Path.GetFullPath(path)}"
            : configuration.GetConnectionString("Pluvo");
        var database = new SqliteSettings(connectionString, Directory.GetCurrentDirectory());

        await using var services = Services(database);
        await using (var db = await services.GetRequiredService<IDbContextFactory<PluvoDbContext>>()
            .CreateDbContextAsync(stop))
        {
            await db.Database.MigrateAsync(stop);
        }

        var users = services.GetRequiredService<UserAdministration>();
        var created = await users.CreateAsync(email, role, password, mustChangePassword: !fromInput);
        if (!created.Succeeded)
        {
            output.WriteLine($"Not made: {created.Error}");
            return 1;
        }

        await services.GetRequiredService<AuditLog>().RecordAsync(
            Actor.CommandLine("add-user"), "user created", $"user {email.Trim()}", $"role {role}", stop);
        output.WriteLine(fromInput
            ? $"Made {email.Trim()} ({role})."
            : $"Made {email.Trim()} ({role}). Temporary password, to be changed at the first sign-in: {password}");
        return 0;
    }

    private static ServiceProvider Services(SqliteSettings database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContextFactory<PluvoDbContext>(options => options
            .UseSqlite(database.ConnectionString)
            .AddInterceptors(new SqliteSettings.PragmaInterceptor()));
        services.AddAccountStore();
        return services.BuildServiceProvider();
    }
}
