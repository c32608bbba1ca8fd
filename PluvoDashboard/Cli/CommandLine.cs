using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PluvoDashboard.Cli;

/// <summary>
/// The verbs the executable runs instead of serving, <c>send</c>, <c>simulate</c>, <c>seed</c> and
/// <c>add-user</c>, and the <c>--demo</c> switch that makes the served app feed itself a simulated stream.
/// </summary>
public static class CommandLine
{
    private const string DemoSwitch = "--demo";

    public static bool IsCommand(string[] args) =>
        args is ["send", ..] or ["simulate", ..] or ["seed", ..] or ["add-user", ..];

    /// <returns>The exit code: 0 for success, 1 when deliveries failed, 2 for usage errors.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, s => Stop(s, stop));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, s => Stop(s, stop));
        try
        {
            return args[0] switch
            {
                "send" => await SendCommand.RunAsync(args[1..], Console.Out, stop.Token),
                "seed" => await SeedCommand.RunAsync(args[1..], Console.Out, stop.Token),
                "add-user" => await AddUserCommand.RunAsync(args[1..], Console.In, Console.Out, stop.Token),
                _ => await SimulateCommand.RunAsync(args[1..], Console.Out, stop.Token),
            };
        }
        catch (UsageException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync($"Run '{args[0]} --help' for usage.");
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Cancelled.");
            return 1;
        }
    }

    /// <summary>
    /// Takes <c>--demo</c> out of the server's arguments. Left in, the configuration would read it as a
    /// setting whose value is the next argument, and lose that argument (<c>--demo --urls X</c>).
    /// </summary>
    public static (string[] ServerArgs, bool Demo) TakeDemoSwitch(string[] args)
    {
        var serverArgs = args.Where(a => !a.Equals(DemoSwitch, StringComparison.OrdinalIgnoreCase)).ToArray();
        return (serverArgs, serverArgs.Length != args.Length);
    }

    /// <summary>Registers the demo stream: the served app posts simulated events to itself.</summary>
    public static IHostApplicationBuilder AddDemoStream(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<DemoStream>();
        return builder;
    }

    private static void Stop(PosixSignalContext signal, CancellationTokenSource stop)
    {
        // Let the command finish its summary instead of the runtime ending the process.
        signal.Cancel = true;
        stop.Cancel();
    }
}
