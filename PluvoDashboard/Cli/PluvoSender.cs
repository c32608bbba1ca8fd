using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Cli;

/// <summary>What became of one POST: the answer, or why there was none.</summary>
/// <param name="StatusCode">Null when no answer came.</param>
/// <param name="Failure">A one-line reason when no answer came.</param>
public sealed record DeliveryOutcome(int? StatusCode, string Body, TimeSpan Latency, string? Failure)
{
    public bool Accepted => StatusCode is >= 200 and < 300;

    /// <summary>Whether the receiver said it had stored this very body before.</summary>
    public bool Duplicate => Accepted && ReadAnswer()?.Duplicate == true;

    private IntakeAnswer? ReadAnswer()
    {
        try
        {
            return JsonSerializer.Deserialize<IntakeAnswer>(Body, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>Posts bodies the way Pluvo does: JSON, signed by reading 1 with a fresh salt each time.</summary>
public static class PluvoSender
{
    /// <summary>How long Pluvo waits for an answer before it counts a delivery as failed.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A client for deliveries to one receiver, with a connection for each one in flight.</summary>
    public static HttpClient CreateClient(int connections) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = AnswerTimeout,
        };

    /// <exception cref="OperationCanceledException">The cancellation token was cancelled.</exception>
    public static async Task<DeliveryOutcome> SendAsync(
        HttpClient client,
        Uri url,
        string webhookKey,
        byte[] body,
        CancellationToken cancellation)
    {
        var salt = RandomNumberGenerator.GetHexString(32, lowercase: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Signature", SignatureVerifier.Sign(body, salt, webhookKey));
        request.Headers.Add("X-Signature-Salt", salt);

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, cancellation);
            var answer = await response.Content.ReadAsStringAsync(cancellation);
            var latency = Stopwatch.GetElapsedTime(started);
            return new DeliveryOutcome((int)response.StatusCode, answer, latency, Failure: null);
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryOutcome(null, "", Stopwatch.GetElapsedTime(started), Describe(ex, url));
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new DeliveryOutcome(null, "", Stopwatch.GetElapsedTime(started),
                $"No answer from {url} within {client.Timeout.TotalSeconds:0} s.");
        }
    }

    private static string Describe(HttpRequestException ex, Uri url) =>
        ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused }
            ? $"Could not connect to {url.GetLeftPart(UriPartial.Authority)}: connection refused. " +
                "Is the app running?"
            : $"Could not post to {url}: {ex.Message}";
}
