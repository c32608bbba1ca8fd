namespace PluvoDashboard.Cli;

/// <summary>The verbs the executable runs instead of serving: <c>send</c> and <c>simulate</c>.</summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args is ["send", ..] or ["simulate", ..];

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"'{args[0]}' is not implemented yet.");
        return Task.FromResult(2);
    }

    public static IHostApplicationBuilder AddDemoStream(this IHostApplicationBuilder builder, string[] args) => builder;
}
