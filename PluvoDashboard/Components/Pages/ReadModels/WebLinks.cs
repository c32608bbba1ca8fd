using System.Text.Json;

namespace PluvoDashboard.Components.Pages.ReadModels;

/// <summary>
/// URLs from payloads (portfolio files, certificates): only absolute http and https addresses may become
/// links; anything else (<c>javascript:</c>, <c>data:</c>, relative paths) is shown as text.
/// </summary>
public static class WebLinks
{
    public static bool IsWebLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The strings of a stored JSON array; an unreadable value gives none.</summary>
    public static IReadOnlyList<string> FromJsonArray(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return document.RootElement.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .ToList();
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>The name to show for a file URL: its last path segment, or the whole text.</summary>
    public static string DisplayName(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Segments.Length > 1)
        {
            var last = Uri.UnescapeDataString(uri.Segments[^1]).Trim('/');
            return last.Length > 0 ? last : url;
        }

        return url;
    }
}
