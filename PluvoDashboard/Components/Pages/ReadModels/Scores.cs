using System.Globalization;

namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>Scores as the pages show them: up to two decimals, a dash when there is none.</summary>
public static class Scores
{
    public static string Text(double? score) =>
        score is { } value ? value.ToString("0.##", CultureInfo.InvariantCulture) : "–";
}
