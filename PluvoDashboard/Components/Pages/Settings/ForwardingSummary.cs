using PluvoDashboard.Handlers.Forwarding;

namespace PluvoDashboard.Components.Pages.Settings;

/// <summary>
/// What the settings page may show of a forwarding destination: never its signing key, and its URL without
/// any user name or password written into it.
/// </summary>
public sealed record ForwardingSummary(
    string Name,
    string Url,
    IReadOnlyList<string> Events,
    int TimeoutSeconds,
    bool HasSigningKey)
{
    /// <summary>The destinations configured under <c>Handlers:Forwarding</c>, in their order.</summary>
    public static IReadOnlyList<ForwardingSummary> From(IConfiguration configuration)
    {
        var destinations = configuration.GetSection(ForwardingDestination.Section)
            .Get<List<ForwardingDestination>>() ?? [];
        return [.. destinations.Select(d => new ForwardingSummary(
            d.Name, WithoutCredentials(d.Url), d.Events, d.TimeoutSeconds, !string.IsNullOrWhiteSpace(d.SigningKey)))];
    }

    /// <summary>The URL with its user-info part removed; a URL that cannot be read is not shown at all.</summary>
    public static string WithoutCredentials(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return "(not a valid URL)";
        }

        return string.IsNullOrEmpty(uri.UserInfo)
            ? uri.ToString()
            : new UriBuilder(uri) { UserName = "", Password = "" }.Uri.ToString();
    }
}
