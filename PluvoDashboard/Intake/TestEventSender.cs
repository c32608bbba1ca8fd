using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using PluvoDashboard.Accounts;
using PluvoDashboard.Audit;
using PluvoDashboard.Cli;

namespace PluvoDashboard.Intake;

/// <summary>What the webhook endpoint answered to a test event.</summary>
/// <param name="Url">Where the event was posted.</param>
/// <param name="StatusCode">The HTTP status; null when no answer came.</param>
/// <param name="EventId">The stored event's id, when it was accepted.</param>
/// <param name="Duplicate">Whether the endpoint had stored the same body before.</param>
/// <param name="Title">The problem's title, when it was refused.</param>
/// <param name="Detail">The problem's detail, or why no answer came.</param>
public sealed record TestEventResult(
    Uri Url,
    int? StatusCode,
    long? EventId,
    bool Duplicate,
    string? Title,
    string? Detail)
{
    public bool Stored => EventId is not null;
}

/// <summary>
/// Sends a built-in sample of an event type to this app's own webhook endpoint, over HTTP and signed with
/// the configured current key, exactly as Pluvo would: the quickest way to see that the key, the endpoint
/// and the handlers work, without Pluvo.
/// </summary>
public sealed class TestEventSender(
    IOptionsMonitor<PluvoWebhookOptions> options,
    IServer server,
    IHttpClientFactory clients,
    AuditLog audit,
    TimeProvider time)
{
    public const string HttpClientName = "test-event";

    /// <summary>Whether a key is configured to sign with; without one the endpoint refuses everything.</summary>
    public bool HasKey => options.CurrentValue.HasKey;

    /// <summary>Posts a fresh sample of <paramref name="eventType"/> and reads the answer.</summary>
    /// <param name="fallbackBase">
    /// The app's address as the browser sees it, used when the server does not say where it listens.
    /// </param>
    /// <exception cref="ArgumentException">The type is not a known Pluvo event type.</exception>
    /// <exception cref="ActionNotAllowedException">The actor is not an admin.</exception>
    public async Task<TestEventResult> SendAsync(
        Actor actor,
        string eventType,
        Uri fallbackBase,
        CancellationToken cancellationToken)
    {
        actor.EnsureAdmin("send test events");
        var known = PluvoSamples.KnownType(eventType)
            ?? throw new ArgumentException($"'{eventType}' is not a known Pluvo event type.", nameof(eventType));
        await audit.RecordAsync(actor, "test event sent", known, cancellationToken: cancellationToken);
        var body = PluvoSamples.For(known, Random.Shared, time.GetUtcNow());
        var url = new Uri(ListeningAddress() ?? fallbackBase, IntakeEndpoints.WebhookPath);

        // Without a key the endpoint refuses before it looks at the signature, and says why: that answer is
        // shown as it is, so the admin sees what Pluvo would see.
        var key = options.CurrentValue.WebhookKey ?? "";
        var outcome = await PluvoSender.SendAsync(
            clients.CreateClient(HttpClientName), url, key, body, cancellationToken);
        if (outcome.StatusCode is null)
        {
            return new TestEventResult(url, null, null, false, "No answer", outcome.Failure);
        }

        return outcome.StatusCode == (int)HttpStatusCode.OK
            ? Accepted(url, outcome.Body)
            : Refused(url, outcome.StatusCode.Value, outcome.Body);
    }

    /// <summary>
    /// Where this app listens, a loopback address first (http before https, which may have a certificate
    /// this machine does not trust); a wildcard address is reached through localhost. Null when the server
    /// does not tell, as under a test server.
    /// </summary>
    internal Uri? ListeningAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses
            .Select(Reachable)
            .OfType<Uri>()
            .OrderBy(u => u.IsLoopback ? 0 : 1)
            .ThenBy(u => u.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        return candidates.FirstOrDefault();
    }

    private static Uri? Reachable(string address)
    {
        // Kestrel reports wildcards as http://[::]:5000, http://0.0.0.0:5000, http://+:5000 or http://*:5000.
        var wildcard = address.Replace("://+:", "://localhost:").Replace("://*:", "://localhost:");
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host, Path = "/" }.Uri;
    }

    private static TestEventResult Accepted(Uri url, string body)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<IntakeAnswer>(body, JsonSerializerOptions.Web);
            return new TestEventResult(url, 200, answer?.Id, answer?.Duplicate ?? false, null, null);
        }
        catch (JsonException)
        {
            return new TestEventResult(url, 200, null, false, "Unexpected answer",
                "The endpoint answered 200 without the stored event's id.");
        }
    }

    private static TestEventResult Refused(Uri url, int status, string body)
    {
        string? title = null;
        string? detail = null;
        try
        {
            using var problem = JsonDocument.Parse(body);
            if (problem.RootElement.ValueKind == JsonValueKind.Object)
            {
                title = problem.RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
                detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's error page, say): the status alone is reported.
        }

        return new TestEventResult(url, status, null, false, title ?? $"Refused with {status}", detail);
    }
}
