using System.Globalization;

namespace PluvoDashboard.Components.Shared;

/// <summary>
/// The browser's time zone, cascaded from the layout so every date on a page is shown in the admin's local
/// time. Until the browser has told us its zone (the first render happens on the server), dates are in UTC.
/// </summary>
public sealed record BrowserClock(TimeZoneInfo Zone)
{
    public static readonly BrowserClock Utc = new(TimeZoneInfo.Utc);

    /// <summary>The clock for an IANA zone name from the browser; UTC when the server does not know it.</summary>
    public static BrowserClock ForZone(string? zoneId)
    {
        if (string.IsNullOrWhiteSpace(zoneId))
        {
            return Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? new BrowserClock(zone) : Utc;
    }

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Date and time in the browser's zone, e.g. <c>2026-12-03 19:04:05</c>.</summary>
    public string Format(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Date only, in the browser's zone.</summary>
    public string FormatDate(DateTimeOffset instant) =>
        ToLocal(instant).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The same instant in UTC, for hover text.</summary>
    public static string FormatUtc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Midnight at the start of a calendar date in the browser's zone.</summary>
    public DateTimeOffset StartOfDay(DateTime date)
    {
        var midnight = DateTime.SpecifyKind(date.Date, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The start of today in the browser's zone.</summary>
    public DateTimeOffset StartOfToday(DateTimeOffset now)
    {
        var local = ToLocal(now);
        return new DateTimeOffset(local.Date, local.Offset);
    }
}
