using System.Diagnostics;
using System.Threading.Channels;

namespace PluvoDashboard.Cli;

/// <summary>How a simulation runs. A rate or count of 0 means unlimited.</summary>
public sealed record SimulationSettings(int Rate, int Count, int Concurrency, int Seed);

/// <summary><c>simulate</c>: streams a simulated organisation's events and measures the answers.</summary>
public static class SimulateCommand
{
    public const string Usage = """
        Usage: PluvoDashboard simulate [--url URL] [--key KEY] [--rate N] [--count N]
                                       [--concurrency N] [--seed N]

        Streams the events of a simulated organisation (learners enrolling, finishing courses, being
        graded, ...), each signed as Pluvo signs it; reports progress every second and a summary at the end.
          --url URL         where to post; default as for send (the app's own http URL + /webhooks/pluvo)
          --key KEY         the webhook key; default: Pluvo:WebhookKey from the app's configuration
          --rate N          events per second (default 20; 0 = as fast as the receiver answers)
          --count N         events to send (default 200; 0 = until Ctrl+C)
          --concurrency N   requests in flight at once (default: 8, or rate/50 up to 64 for high rates)
          --seed N          makes the organisation and its events repeatable (default: random, printed)

        Ctrl+C stops sending, waits for the answers in flight and prints the summary.
        Exit code: 0 when every delivery was accepted, 1 otherwise, 2 for usage errors.

        """;

    private static readonly string[] OptionNames = ["url", "key", "rate", "count", "concurrency", "seed"];

    /// <summary>
    /// Enough requests in flight for the rate: each waits for its batch's commit (a disk flush of a few
    /// milliseconds), so eight in flight cannot reach much more than a thousand a second.
    /// </summary>
    public static int DefaultConcurrency(int rate) => rate == 0 ? 64 : Math.Clamp(rate / 50, 8, 64);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken stop)
    {
        var options = CommandOptions.Parse(args, OptionNames);
        if (options.Help)
        {
            output.Write(Usage);
            return 0;
        }

        if (options.Arguments.Count > 0)
        {
            throw new UsageException($"simulate takes only options, but got '{options.Arguments[0]}'.");
        }

        var rateWanted = options.Number("rate", 20);
        var settings = new SimulationSettings(
            rateWanted,
            options.Number("count", 200),
            options.Number("concurrency", DefaultConcurrency(rateWanted), minimum: 1),
            options.Number("seed", Random.Shared.Next()));
        var receiver = ReceiverSettings.Resolve(options);
        var rate = settings.Rate == 0 ? "unlimited" : $"{settings.Rate}/s";
        var count = settings.Count == 0 ? "events until Ctrl+C" : $"{settings.Count} events";
        output.WriteLine($"Simulating to {receiver.Url}: {count}, {rate}, " +
            $"concurrency {settings.Concurrency}, seed {settings.Seed}");

        using var client = PluvoSender.CreateClient(settings.Concurrency);
        var tally = await RunAsync(client, receiver.Url, receiver.WebhookKey, settings, output, stop);
        return tally.AllAccepted ? 0 : 1;
    }

    /// <summary>Streams events through the client until the count is reached or the run is stopped.</summary>
    public static async Task<SimulationTally> RunAsync(
        HttpClient client,
        Uri url,
        string webhookKey,
        SimulationSettings settings,
        TextWriter output,
        CancellationToken stop)
    {
        output = TextWriter.Synchronized(output);
        var organisation = new SimulatedOrganisation(new Random(settings.Seed), () => DateTimeOffset.UtcNow);
        var tally = new SimulationTally();
        var queue = Channel.CreateBounded<byte[]>(settings.Concurrency);
        var elapsed = Stopwatch.StartNew();
        var posters = Enumerable.Range(0, settings.Concurrency)
            .Select(_ => PostQueuedAsync(queue.Reader, client, url, webhookKey, tally, stop))
            .ToArray();

        using var progressStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var progress = ReportProgressAsync(tally, output, elapsed, progressStop.Token);
        try
        {
            await ProduceAsync(organisation, queue.Writer, settings, elapsed, stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            output.WriteLine("Stopping: waiting for the answers in flight.");
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await Task.WhenAll(posters);
        await progressStop.CancelAsync();
        await progress;
        tally.WriteSummary(output, elapsed.Elapsed);
        return tally;
    }

    /// <summary>Draws events at the requested rate; event i is due i/rate seconds after the start.</summary>
    private static async Task ProduceAsync(
        SimulatedOrganisation organisation,
        ChannelWriter<byte[]> queue,
        SimulationSettings settings,
        Stopwatch elapsed,
        CancellationToken stop)
    {
        for (var i = 0L; settings.Count == 0 || i < settings.Count; i++)
        {
            if (settings.Rate > 0)
            {
                var wait = TimeSpan.FromSeconds((double)i / settings.Rate) - elapsed.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, stop);
                }
            }

            await queue.WriteAsync(organisation.Next().Body, stop);
        }
    }

    /// <summary>
    /// Posts queued bodies until the queue is done or the run is stopped. A post already started is not
    /// cancelled: its answer still counts, and the client's timeout bounds the wait.
    /// </summary>
    private static async Task PostQueuedAsync(
        ChannelReader<byte[]> queue,
        HttpClient client,
        Uri url,
        string webhookKey,
        SimulationTally tally,
        CancellationToken stop)
    {
        try
        {
            await foreach (var body in queue.ReadAllAsync(stop))
            {
                var outcome = await PluvoSender.SendAsync(client, url, webhookKey, body, CancellationToken.None);
                tally.Record(outcome);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped: what is still queued was never sent, so it is not counted.
        }
    }

    private static async Task ReportProgressAsync(
        SimulationTally tally,
        TextWriter output,
        Stopwatch elapsed,
        CancellationToken stop)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                output.WriteLine(tally.ProgressLine(elapsed.Elapsed));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over; the summary follows.
        }
    }
}
