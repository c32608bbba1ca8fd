using PluvoDashboard.Events;

namespace PluvoDashboard.Cli;

/// <summary><c>send</c>: posts one signed delivery, from a file or a sample, and shows the answer.</summary>
public static class SendCommand
{
    public const string Usage = """
        Usage: PluvoDashboard send [--url URL] [--key KEY] (FILE | EVENT_TYPE)

        Posts one delivery signed as Pluvo signs it, with a fresh salt, and prints the answer.
          FILE         a file whose bytes are sent as they are
          EVENT_TYPE   a built-in sample of that Pluvo event type, in any letter case
          --url URL    where to post; default: the app's first http URL (urls or ASPNETCORE_URLS)
                       + /webhooks/pluvo, else http://localhost:5080/webhooks/pluvo
          --key KEY    the webhook key; default: Pluvo:WebhookKey from the app's configuration

        Exit code: 0 when the answer is 2xx, 1 when it is not or nothing answered, 2 for usage errors.
        From the source tree: dotnet run --project PluvoDashboard -- send USER_CREATED

        """;

    private static readonly string[] OptionNames = ["url", "key"];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken stop)
    {
        var options = CommandOptions.Parse(args, OptionNames);
        if (options.Help || options.Arguments.Count == 0)
        {
            output.Write(Usage);
            return options.Help ? 0 : 2;
        }

        if (options.Arguments.Count > 1)
        {
            throw new UsageException(
                $"send takes one FILE or EVENT_TYPE, not {options.Arguments.Count} arguments.");
        }

        var (body, description) = ReadBody(options.Arguments[0]);
        var receiver = ReceiverSettings.Resolve(options);
        output.WriteLine($"POST {receiver.Url} ({description}, {body.Length} bytes)");

        using var client = PluvoSender.CreateClient(connections: 1);
        return await SendAsync(client, receiver.Url, receiver.WebhookKey, body, output, stop);
    }

    /// <summary>Posts the body through the client and prints the status and the answer.</summary>
    public static async Task<int> SendAsync(
        HttpClient client,
        Uri url,
        string webhookKey,
        byte[] body,
        TextWriter output,
        CancellationToken stop)
    {
        var outcome = await PluvoSender.SendAsync(client, url, webhookKey, body, stop);
        if (outcome.StatusCode is not { } status)
        {
            output.WriteLine(outcome.Failure);
            return 1;
        }

        output.WriteLine($"{status} in {outcome.Latency.TotalMilliseconds:0} ms");
        output.WriteLine(outcome.Body);
        return outcome.Accepted ? 0 : 1;
    }

    /// <summary>A file's bytes when the path exists, else a fresh sample of the named event type.</summary>
    private static (byte[] Body, string Description) ReadBody(string fileOrEventType)
    {
        if (File.Exists(fileOrEventType))
        {
            return (File.ReadAllBytes(fileOrEventType), Path.GetFileName(fileOrEventType));
        }

        var indent = Environment.NewLine + "  ";
        var eventType = PluvoSamples.KnownType(fileOrEventType) ?? throw new UsageException(
            $"'{fileOrEventType}' is neither a file nor a known event type. Known types:{indent}" +
            string.Join(indent, EventCatalog.KnownTypes));
        return (PluvoSamples.For(eventType, new Random(), DateTimeOffset.UtcNow), eventType);
    }
}
