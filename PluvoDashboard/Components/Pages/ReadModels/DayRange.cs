using System.Globalization;
using PluvoDashboard.Components.Shared;

namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>
/// A period of whole days as the admin picks it (<c>yyyy-MM-dd</c>, both days included), turned into the
/// instants that bound it in the admin's time zone: from midnight of the first day to midnight after the last.
/// </summary>
public static class DayRange
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var parsed))
        {
            day = parsed;
            return true;
        }

        return false;
    }

    public static string? ToText(DateOnly? day) => day?.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The instant the day starts in the zone; a midnight skipped by a clock change becomes 01:00.</summary>
    public static DateTimeOffset StartOf(DateOnly day, BrowserClock clock)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (clock.Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, clock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The day an instant falls on in the zone.</summary>
    public static DateOnly DayOf(DateTimeOffset instant, BrowserClock clock) =>
        DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);
}
