using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Cli;

/// <summary>
/// With <c>--demo</c>, the app posts a slow simulated stream to its own webhook endpoint over real HTTP,
/// signed with the configured key, so the dashboard has something to show: a burst of twenty first, then
/// one event every two seconds.
/// </summary>
internal sealed class DemoStream(
    IHostApplicationLifetime lifetime,
    IServer server,
    IOptionsMonitor<PluvoWebhookOptions> options,
    TimeProvider time,
    ILogger<DemoStream> logger) : BackgroundService
{
    private const int OpeningBurst = 20;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The server's addresses are known, and its endpoint answers, only once the application has started.
        if (!await StartedAsync(stoppingToken))
        {
            return;
        }

        var key = options.CurrentValue.WebhookKey;
        if (string.IsNullOrWhiteSpace(key))
        {
            DemoLog.NoWebhookKey(logger);
            return;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (ReceiverSettings.WebhookUrl(addresses) is not { } url)
        {
            DemoLog.NoHttpAddress(logger);
            return;
        }

        DemoLog.Started(logger, url);
        var sent = await PostStreamAsync(url, key, stoppingToken);
        DemoLog.Stopped(logger, sent);
    }

    private async Task<int> PostStreamAsync(Uri url, string key, CancellationToken stoppingToken)
    {
        using var client = PluvoSender.CreateClient(connections: 2);
        using var timer = new PeriodicTimer(Interval, time);
        var organisation = new SimulatedOrganisation(new Random(), time.GetUtcNow);
        var sent = 0;
        try
        {
            while (sent < OpeningBurst || await timer.WaitForNextTickAsync(stoppingToken))
            {
                var delivery = organisation.Next();
                var outcome = await PluvoSender.SendAsync(client, url, key, delivery.Body, stoppingToken);
                sent++;
                if (outcome.StatusCode is { } status and not (>= 200 and < 300))
                {
                    DemoLog.Refused(logger, delivery.EventType, status, outcome.Body);
                }
                else if (outcome.Failure is not null)
                {
                    DemoLog.Failed(logger, delivery.EventType, outcome.Failure);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }

        return sent;
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
