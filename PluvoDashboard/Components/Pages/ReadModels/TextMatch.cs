namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>
/// "Contains" for the filters of the read-model pages: a SQL <c>LIKE</c> pattern with the wildcards of the
/// typed text escaped, so <c>50%</c> finds "50%" and not everything. Use it as
/// <c>EF.Functions.Like(column, pattern, TextMatch.Escape)</c>; SQLite's LIKE ignores case for ASCII.
/// </summary>
public static class TextMatch
{
    public const string Escape = "\\";

    /// <summary>The LIKE pattern matching text that contains <paramref name="text"/>.</summary>
    public static string Contains(string text) =>
        "%" + text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Whether a filter value asks for anything.</summary>
    public static bool IsSet(string? text) => !string.IsNullOrWhiteSpace(text);
}
