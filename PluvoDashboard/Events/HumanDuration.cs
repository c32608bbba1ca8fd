using System.Globalization;

namespace PluvoDashboard.Events;

/// <summary>
/// Writes a duration the way a person reads it at a glance: <c>340 ms</c>, <c>1.2 s</c>, <c>3 min 5 s</c>,
/// <c>2 h 5 min</c>, <c>1 d 1 h</c>. Numbers use the invariant culture, so a decimal point is always a point.
/// </summary>
public static class HumanDuration
{
    public static string Format(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            return "-" + Format(duration.Duration());
        }

        var invariant = CultureInfo.InvariantCulture;
        if (duration < TimeSpan.FromSeconds(1))
        {
            return duration.TotalMilliseconds.ToString("0.#", invariant) + " ms";
        }

        if (duration < TimeSpan.FromSeconds(59.95))
        {
            return duration.TotalSeconds.ToString("0.#", invariant) + " s";
        }

        if (duration < TimeSpan.FromHours(1))
        {
            return Two(duration.Minutes, "min", duration.Seconds, "s");
        }

        return duration < TimeSpan.FromDays(1)
            ? Two(duration.Hours, "h", duration.Minutes, "min")
            : Two((int)duration.TotalDays, "d", duration.Hours, "h");
    }

    /// <summary>A large unit and, unless it is zero, the next smaller one.</summary>
    private static string Two(int large, string largeUnit, int small, string smallUnit) =>
        small == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{large} {largeUnit}")
            : string.Create(CultureInfo.InvariantCulture, $"{large} {largeUnit} {small} {smallUnit}");
}
