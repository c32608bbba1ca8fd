using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Handlers.Forwarding;

/// <summary>
/// Posts each event's raw body, unchanged, to one destination, signed with the destination's own key the
/// way Pluvo signs (a new salt each attempt), with headers naming the original delivery and whether this is
/// a replay. A 2xx answer is success; any other answer, a timeout or a connection error is a failure with
/// its reason. It never retries by itself: the dispatcher owns retries.
/// </summary>
public sealed class ForwardingHandler(ForwardingDestination destination, IHttpClientFactory clients)
    : IWebhookHandler
{
    public const string HttpClientName = "forwarding";
    public const string DeliveryHeader = "X-PluvoDashboard-Delivery";
    public const string ReplayHeader = "X-PluvoDashboard-Replay";

    public string Name { get; } = $"forward:{destination.Name}";

    public bool Handles(string? eventType) => destination.Takes(eventType);

    public async Task<HandlerOutcome> HandleAsync(HandlerContext context, CancellationToken cancellationToken)
    {
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = new ByteArrayContent(context.Event.RawBody),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var signature = SignatureVerifier.Sign(context.Event.RawBody, salt, destination.SigningKey);
        request.Headers.Add("X-Signature", signature);
        request.Headers.Add("X-Signature-Salt", salt);
        request.Headers.Add(DeliveryHeader, context.Event.Id.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(ReplayHeader, context.IsReplay ? "true" : "false");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(destination.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? HandlerOutcome.Success(status)
                : HandlerOutcome.Failure($"{destination.Url} answered {status} {response.ReasonPhrase}", status);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HandlerOutcome.Failure($"{destination.Url} did not answer within {destination.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            return HandlerOutcome.Failure($"Could not reach {destination.Url}: {ex.Message}");
        }
    }
}
