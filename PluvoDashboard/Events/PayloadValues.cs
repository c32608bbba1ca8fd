using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace PluvoDashboard.Events;

/// <summary>
/// Reads one JSON value as the type a payload field should have, accepting the looser forms a body may take
/// on its way from Pluvo's back end: numbers and booleans as strings, ids as numbers, dates with or without a
/// time. Each method answers false, never throws, when the value does not fit.
/// </summary>
internal static class PayloadValues
{
    private const DateTimeStyles MomentStyles =
        DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary>Strings as they are; numbers and booleans as their JSON text, so an id sent as 42 is "42".</summary>
    public static bool TryText(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return text is not null;
    }

    public static bool TryFlag(JsonElement value, out bool flag)
    {
        flag = false;
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                flag = true;
                return true;
            case JsonValueKind.False:
                return true;
            case JsonValueKind.Number when value.TryGetInt32(out var number) && number is 0 or 1:
                flag = number == 1;
                return true;
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (bool.TryParse(text, out flag))
                {
                    return true;
                }

                flag = text == "1";
                return text is "1" or "0";
            default:
                return false;
        }
    }

    public static bool TryDecimal(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(
                value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    /// <summary>A whole number; 12.0 is accepted as 12, 12.5 is not a whole number.</summary>
    public static bool TryWholeNumber(JsonElement value, out int number)
    {
        number = 0;
        if (!TryDecimal(value, out var exact) || exact != decimal.Truncate(exact)
            || exact < int.MinValue || exact > int.MaxValue)
        {
            return false;
        }

        number = (int)exact;
        return true;
    }

    /// <summary>
    /// A calendar day from <c>2026-01-05</c> or from a full date-time, whose day is taken as written in its
    /// own offset: a training starting at local midnight must not move to the day before in UTC.
    /// </summary>
    public static bool TryDay(JsonElement value, out DateOnly day)
    {
        day = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!.Trim();
        var invariant = CultureInfo.InvariantCulture;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", invariant, DateTimeStyles.None, out day))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, invariant, MomentStyles, out var moment))
        {
            return false;
        }

        day = DateOnly.FromDateTime(moment.DateTime);
        return true;
    }

    /// <summary>A moment with the offset it was sent with; a moment without one is taken to be UTC.</summary>
    public static bool TryMoment(JsonElement value, out DateTimeOffset moment)
    {
        moment = default;
        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(
                value.GetString(), CultureInfo.InvariantCulture, MomentStyles, out moment);
    }

    /// <summary>
    /// A duration from Pluvo's <c>{days, seconds, microseconds}</c> (its back end's timedelta), any part
    /// of which may be missing; also from a number of seconds, or a text such as <c>1.01:00:00</c> or
    /// <c>1 01:00:00</c>.
    /// </summary>
    public static bool TryDuration(JsonElement value, out TimeSpan duration)
    {
        duration = default;
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                return TryTimedelta(PayloadFields.Of(value), out duration);
            case JsonValueKind.Number:
                return TryDecimal(value, out var seconds) && TryFromParts(0, seconds, 0, out duration);
            case JsonValueKind.String:
                var text = value.GetString()!.Trim();
                if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var asSeconds))
                {
                    return TryFromParts(0, asSeconds, 0, out duration);
                }

                // The days of a "1 01:00:00" duration are separated by a space where TimeSpan expects a dot.
                var dotted = text.Contains(' ', StringComparison.Ordinal) ? text.Replace(' ', '.') : text;
                return TimeSpan.TryParse(dotted, CultureInfo.InvariantCulture, out duration);
            default:
                return false;
        }
    }

    private static bool TryTimedelta(PayloadFields parts, out TimeSpan duration)
    {
        duration = default;
        var days = parts.Number("days");
        var seconds = parts.Number("seconds");
        var microseconds = parts.Number("microseconds");
        return (days ?? seconds ?? microseconds) is not null
            && TryFromParts(days ?? 0, seconds ?? 0, microseconds ?? 0, out duration);
    }

    private static bool TryFromParts(decimal days, decimal seconds, decimal microseconds, out TimeSpan duration)
    {
        duration = default;
        try
        {
            var ticks = decimal.Round(days * TimeSpan.TicksPerDay + seconds * TimeSpan.TicksPerSecond
                + microseconds * TimeSpan.TicksPerMicrosecond);
            if (ticks < TimeSpan.MinValue.Ticks || ticks > TimeSpan.MaxValue.Ticks)
            {
                return false;
            }

            duration = TimeSpan.FromTicks((long)ticks);
            return true;
        }
        catch (OverflowException)
        {
            // A part so large that the sum leaves decimal's range is no duration either.
            return false;
        }
    }
}
