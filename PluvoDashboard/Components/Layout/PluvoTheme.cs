using MudBlazor;

namespace PluvoDashboard.Components.Layout;

/// <summary>The app's colours, in light and dark.</summary>
public static class PluvoTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6f8b",
            Secondary = "#e07a5f",
            AppbarBackground = "#1f6f8b",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#5fb3d1",
            Secondary = "#f2a48d",
        },
    };
}
