namespace PluvoDashboard.Handlers;

/// <summary>How the dispatcher runs, bound from the <c>Handlers</c> section.</summary>
public sealed class DispatcherOptions
{
    public const string Section = "Handlers";

    /// <summary>How often the dispatcher looks for work when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the dispatcher lets new events gather once it has caught up, so that under a steady stream
    /// it takes them in batches instead of competing with the intake for the database after every commit.
    /// </summary>
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public HandlerRetryOptions Retry { get; set; } = new();
}

/// <summary>How failed handler runs are retried, bound from <c>Handlers:Retry</c>.</summary>
public sealed class HandlerRetryOptions
{
    /// <summary>Attempts before the work is dead-lettered (a replay starts a new round).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; each later wait doubles, up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The wait after <paramref name="attempt"/> failed: exponential, with the upper half random so that
    /// many failures of one destination do not all come back at the same moment.
    /// </summary>
    public TimeSpan DelayAfter(int attempt, Random random)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(BaseDelay.TotalMilliseconds * Math.Pow(2, exponent), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
    }
}
