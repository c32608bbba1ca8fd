using System.Globalization;

namespace PluvoDashboard.Cli;

/// <summary>Counts what became of a simulation's deliveries and how long answers took. Thread-safe.</summary>
public sealed class SimulationTally
{
    private readonly Lock gate = new();
    private readonly List<double> latenciesMs = [];
    private readonly SortedDictionary<int, int> refusedByStatus = [];
    private int accepted;
    private int duplicates;
    private int errors;
    private string? firstError;

    public int Sent
    {
        get
        {
            lock (gate)
            {
                return latenciesMs.Count;
            }
        }
    }

    public int Accepted
    {
        get
        {
            lock (gate)
            {
                return accepted;
            }
        }
    }

    /// <summary>Whether every delivery sent was answered with 2xx.</summary>
    public bool AllAccepted
    {
        get
        {
            lock (gate)
            {
                return accepted == latenciesMs.Count;
            }
        }
    }

    public void Record(DeliveryOutcome outcome)
    {
        lock (gate)
        {
            latenciesMs.Add(outcome.Latency.TotalMilliseconds);
            if (outcome.Accepted)
            {
                accepted++;
                duplicates += outcome.Duplicate ? 1 : 0;
            }
            else if (outcome.StatusCode is { } status)
            {
                refusedByStatus[status] = refusedByStatus.GetValueOrDefault(status) + 1;
            }
            else
            {
                errors++;
                firstError ??= outcome.Failure;
            }
        }
    }

    public string ProgressLine(TimeSpan elapsed)
    {
        lock (gate)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{elapsed.TotalSeconds,6:0.0}s  sent {latenciesMs.Count}  accepted {accepted} " +
                $"(duplicates {duplicates})  refused {Refusals()}  errors {errors}");
        }
    }

    public void WriteSummary(TextWriter output, TimeSpan elapsed)
    {
        lock (gate)
        {
            var sorted = latenciesMs.Order().ToArray();
            var perSecond = elapsed.TotalSeconds > 0 ? sorted.Length / elapsed.TotalSeconds : 0;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Sent {sorted.Length}, accepted {accepted} (duplicates {duplicates}), refused {Refusals()}, " +
                $"errors {errors} in {elapsed.TotalSeconds:0.0} s: {perSecond:0.0}/s, " +
                $"latency p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms"));
            if (firstError is not null)
            {
                output.WriteLine($"First error: {firstError}");
            }
        }
    }

    private string Refusals() => refusedByStatus.Count == 0
        ? "0"
        : string.Join(" ", refusedByStatus.Select(r => $"{r.Key}x{r.Value}"));

    /// <summary>Nearest-rank percentile of sorted values; 0 when there are none.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted.Length == 0 ? 0 : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
