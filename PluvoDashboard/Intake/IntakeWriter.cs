using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using PluvoDashboard.Handlers;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Intake;

/// <summary>
/// The single writer behind the webhook endpoint (group commit). Requests hand their delivery to a bounded
/// queue; the writer takes everything waiting, commits it in one transaction, then answers each request.
/// One fsync then covers many deliveries, which is what makes SQLite both durable and fast here.
/// </summary>
public sealed class IntakeWriter : IHostedService, IDisposable
{
    private static readonly Task<bool> Never = new TaskCompletionSource<bool>().Task;
    private static readonly TimeSpan FirstFailurePause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxFailurePause = TimeSpan.FromSeconds(2);

    private readonly Channel<IncomingDelivery> _deliveries;
    private readonly Channel<Rejection> _rejections;
    private readonly long[] _unsavedRejectionCounts = new long[Enum.GetValues<RejectionReason>().Length];
    private readonly DeliveryStore _store;
    private readonly PluvoWebhookOptions _options;
    private readonly ILogger<IntakeWriter> _logger;
    private readonly DispatchSignal _dispatcher;
    private readonly LiveFeed _feed;
    private Task? _running;
    private volatile bool _stopping;

    public IntakeWriter(
        SqliteSettings database,
        IOptions<PluvoWebhookOptions> options,
        DispatchSignal dispatcher,
        LiveFeed feed,
        ILogger<IntakeWriter> logger)
    {
        _dispatcher = dispatcher;
        _feed = feed;
        _options = options.Value;
        _logger = logger;
        _store = new DeliveryStore(database);
        _deliveries = Channel.CreateBounded<IncomingDelivery>(new BoundedChannelOptions(_options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        // Refusals are only a diagnostic record: under a flood the surplus is counted but not kept.
        _rejections = Channel.CreateBounded<Rejection>(new BoundedChannelOptions(256)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.DropWrite,
        });
    }

    /// <summary>Queues a delivery; false when the queue is full or the app is shutting down.</summary>
    public bool TryEnqueue(IncomingDelivery delivery) => _deliveries.Writer.TryWrite(delivery);

    /// <summary>Counts a refused delivery and keeps it for inspection if there is room.</summary>
    public void RecordRejection(Rejection rejection)
    {
        Interlocked.Increment(ref _unsavedRejectionCounts[(int)rejection.Reason]);
        _rejections.Writer.TryWrite(rejection);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // The loop owns its thread of work until both queues are closed and empty; no token can cut it
        // short, because what it has accepted must be committed.
        _running ??= Task.Factory.StartNew(
            Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking deliveries and waits until everything accepted before is committed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _deliveries.Writer.TryComplete();
        _rejections.Writer.TryComplete();
        if (_running is not null)
        {
            await _running.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        // Only once the loop is done with the connection.
        if (_running is null || _running.IsCompleted)
        {
            _store.Dispose();
        }
    }

    private void Run()
    {
        var deliveries = new List<IncomingDelivery>(_options.MaxBatchSize);
        var rejections = new List<Rejection>();
        Task<bool>? deliveriesReady = null;
        Task<bool>? rejectionsReady = null;
        var drained = 0;
        var failurePause = TimeSpan.Zero;
        while (true)
        {
            TakeWaiting(deliveries, rejections);
            var counts = TakeRejectionCounts();
            if (deliveries.Count > 0 || rejections.Count > 0 || counts.Count > 0)
            {
                if (!Commit(deliveries, rejections, counts))
                {
                    // Give a struggling database room before the next attempt; what queues up meanwhile
                    // is answered (stored or refused) after the pause.
                    failurePause = failurePause == TimeSpan.Zero
                        ? FirstFailurePause
                        : TimeSpan.FromTicks(Math.Min(failurePause.Ticks * 2, MaxFailurePause.Ticks));
                    Thread.Sleep(failurePause);
                }
                else
                {
                    failurePause = TimeSpan.Zero;
                }

                if (_stopping)
                {
                    drained += deliveries.Count;
                }

                deliveries.Clear();
                rejections.Clear();
                continue;
            }

            deliveriesReady ??= _deliveries.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
            rejectionsReady ??= _rejections.Reader.WaitToReadAsync(CancellationToken.None).AsTask();
            Task.WaitAny(deliveriesReady, rejectionsReady);
            deliveriesReady = Next(deliveriesReady);
            rejectionsReady = Next(rejectionsReady);
            if (deliveriesReady == Never && rejectionsReady == Never)
            {
                IntakeLog.WriterStopped(_logger, drained);
                return;
            }
        }
    }

    /// <summary>Tells live pages about new events; nothing is built while no page is listening.</summary>
    private void Publish(List<IncomingDelivery> deliveries, DeliveryReceipt[] receipts)
    {
        if (_feed.SubscriberCount == 0)
        {
            return;
        }

        for (var i = 0; i < deliveries.Count; i++)
        {
            if (!receipts[i].Duplicate)
            {
                var envelope = deliveries[i].Envelope.Envelope;
                _feed.Publish(new LiveUpdate(LiveChange.Received, receipts[i].Id, envelope?.EventType,
                    envelope?.UserName, envelope?.TrainingTitle, deliveries[i].ReceivedAt));
            }
        }
    }

    /// <summary>
    /// After a wait: null to wait again, <see cref="Never"/> once the queue is closed, or the wait itself.
    /// </summary>
    private static Task<bool>? Next(Task<bool> ready) =>
        !ready.IsCompleted ? ready : ready.Result ? null : Never;

    private void TakeWaiting(List<IncomingDelivery> deliveries, List<Rejection> rejections)
    {
        while (deliveries.Count < _options.MaxBatchSize && _deliveries.Reader.TryRead(out var delivery))
        {
            deliveries.Add(delivery);
        }

        while (_rejections.Reader.TryRead(out var rejection))
        {
            rejections.Add(rejection);
        }
    }

    private static readonly Dictionary<RejectionReason, long> NoCounts = [];

    private Dictionary<RejectionReason, long> TakeRejectionCounts()
    {
        Dictionary<RejectionReason, long>? counts = null;
        for (var i = 0; i < _unsavedRejectionCounts.Length; i++)
        {
            var n = Interlocked.Exchange(ref _unsavedRejectionCounts[i], 0);
            if (n > 0)
            {
                (counts ??= [])[(RejectionReason)i] = n;
            }
        }

        return counts ?? NoCounts;
    }

    /// <summary>Commits one batch and answers its requests; false when the database refused it.</summary>
    private bool Commit(
        List<IncomingDelivery> deliveries,
        List<Rejection> rejections,
        Dictionary<RejectionReason, long> rejectionCounts)
    {
        var started = Stopwatch.GetTimestamp();
        DeliveryReceipt[] receipts;
        try
        {
            receipts = _store.Commit(deliveries, rejections, rejectionCounts, _options.RejectedDeliveriesKept);
        }
        catch (Exception ex)
        {
            // Only this batch fails: its senders are told to retry, and the writer goes on with the next.
            IntakeLog.BatchFailed(_logger, ex, deliveries.Count);
            foreach (var delivery in deliveries)
            {
                delivery.MarkFailed(ex);
            }


            foreach (var (reason, n) in rejectionCounts)
            {
                Interlocked.Add(ref _unsavedRejectionCounts[(int)reason], n);
            }

            return false;
        }

        if (deliveries.Count > 0)
        {
            _dispatcher.Wake();
            Publish(deliveries, receipts);
        }

        for (var i = 0; i < deliveries.Count; i++)
        {
            deliveries[i].MarkStored(receipts[i]);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        IntakeLog.BatchCommitted(_logger, deliveries.Count, rejections.Count, elapsed);
        return true;
    }
}
