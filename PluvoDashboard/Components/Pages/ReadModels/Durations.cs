using System.Globalization;

namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>Time spent as people say it: "1 h 25 min", "3 d 2 h", "45 s".</summary>
public static class Durations
{
    public static string Human(TimeSpan? value)
    {
        if (value is not { } span)
        {
            return "–";
        }

        if (span < TimeSpan.Zero)
        {
            return "–" + Human(span.Negate());
        }

        if (span < TimeSpan.FromMinutes(1))
        {
            return $"{(int)span.TotalSeconds} s";
        }

        var parts = new List<string>(2);
        if (span.Days > 0)
        {
            parts.Add(Part(span.Days, "d"));
            if (span.Hours > 0)
            {
                parts.Add(Part(span.Hours, "h"));
            }
        }
        else if (span.Hours > 0)
        {
            parts.Add(Part(span.Hours, "h"));
            if (span.Minutes > 0)
            {
                parts.Add(Part(span.Minutes, "min"));
            }
        }
        else
        {
            parts.Add(Part(span.Minutes, "min"));
        }

        return string.Join(' ', parts);
    }

    private static string Part(int value, string unit) => value.ToString(CultureInfo.InvariantCulture) + " " + unit;
}
