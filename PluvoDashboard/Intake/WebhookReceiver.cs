using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Intake;

/// <summary>The answer to an accepted delivery.</summary>
public sealed record IntakeAnswer(long Id, bool Duplicate);

/// <summary>
/// Receives one delivery: checks its size and signature, hands it to the writer, and answers once it is
/// committed. Every refusal is a problem-details answer that names the cause and no secret.
/// </summary>
public sealed class WebhookReceiver(
    IOptionsMonitor<PluvoWebhookOptions> optionsMonitor,
    IntakeWriter writer,
    RefusalLimiter refusals,
    HandlerRegistry handlers,
    TimeProvider time,
    ILogger<WebhookReceiver> logger)
{
    private const int RejectionPrefixBytes = 512;
    private const string RetryAfterSeconds = "5";

    /// <summary>The request headers kept with each stored delivery (never the signature itself).</summary>
    private static readonly string[] KeptHeaders =
    [
        "Content-Type", "Content-Length", "User-Agent", "X-Signature-Salt", "X-Forwarded-For", "X-Request-ID",
    ];

    public async Task<Results<Ok<IntakeAnswer>, ProblemHttpResult>> ReceiveAsync(HttpContext http)
    {
        var options = optionsMonitor.CurrentValue;
        var remote = http.Connection.RemoteIpAddress?.ToString();
        if (refusals.IsLimited(http.Connection.RemoteIpAddress))
        {
            writer.RecordRejection(new Rejection(
                RejectionReason.RateLimited, time.GetUtcNow(), remote, http.Request.ContentLength, []));
            http.Response.Headers.RetryAfter = ((int)refusals.RetryAfter.TotalSeconds).ToString(
                System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                "Too many deliveries from this address were refused (bad signature or too large), so its " +
                $"requests are not read for now. Retry after {refusals.RetryAfter.TotalSeconds:0} s; once the " +
                "signature is right, deliveries are accepted as usual.",
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too many refused deliveries");
        }

        if (!options.HasKey)
        {
            IntakeLog.NoWebhookKey(logger, remote);
            return Problem(http, StatusCodes.Status503ServiceUnavailable, "No webhook key is configured",
                "This receiver has no webhook key, so it cannot verify deliveries. Its administrator must set " +
                "Pluvo:WebhookKey (environment variable Pluvo__WebhookKey).", retry: true);
        }

        var declaredLength = http.Request.ContentLength;
        if (declaredLength > options.MaxBodyBytes)
        {
            return Refuse(http, RejectionReason.BodyTooLarge, declaredLength, [], options.MaxBodyBytes);
        }

        var body = await ReadBodyAsync(http, options.MaxBodyBytes);
        if (body.TooLarge)
        {
            return Refuse(http, RejectionReason.BodyTooLarge, body.BytesRead, body.Bytes, options.MaxBodyBytes);
        }

        var signature = http.Request.Headers["X-Signature"].ToString();
        var salt = http.Request.Headers["X-Signature-Salt"].ToString();
        if (signature.Length == 0 || !http.Request.Headers.ContainsKey("X-Signature-Salt"))
        {
            return Refuse(http, RejectionReason.MissingSignature, body.BytesRead, body.Bytes, options.MaxBodyBytes);
        }

        var match = SignatureVerifier.Verify(body.Bytes, signature, salt, options.AcceptedKeys());
        if (match is null)
        {
            return Refuse(http, RejectionReason.InvalidSignature, body.BytesRead, body.Bytes, options.MaxBodyBytes);
        }

        var envelope = EnvelopeReader.Read(body.Bytes);
        var delivery = new IncomingDelivery(
            body.Bytes,
            time.GetUtcNow(),
            envelope,
            KeptHeadersJson(http.Request),
            match,
            hasHandlers: handlers.AnyHandles(envelope.Envelope?.EventType));
        if (!writer.TryEnqueue(delivery))
        {
            IntakeLog.QueueFull(logger, remote);
            return Problem(http, StatusCodes.Status503ServiceUnavailable, "The receiver is busy",
                "Too many deliveries are waiting to be stored, or the receiver is shutting down. Retry later.",
                retry: true);
        }

        try
        {
            // From here on this runs on the intake writer's thread (see IncomingDelivery): keep it short.
            var receipt = await delivery.Stored;
            IntakeLog.DeliveryStored(logger, receipt.Id, delivery.Envelope.Envelope?.EventType, receipt.Duplicate);
            return TypedResults.Ok(new IntakeAnswer(receipt.Id, receipt.Duplicate));
        }
        catch (DeliveryNotStoredException)
        {
            return Problem(http, StatusCodes.Status503ServiceUnavailable, "The delivery could not be stored",
                "The database did not accept the delivery. Nothing was stored; retry later.", retry: true);
        }
    }

    private ProblemHttpResult Refuse(
        HttpContext http,
        RejectionReason reason,
        long? bodyLength,
        byte[] body,
        long maxBodyBytes)
    {
        var remote = http.Connection.RemoteIpAddress?.ToString();
        var prefix = body.AsSpan(0, Math.Min(body.Length, RejectionPrefixBytes)).ToArray();
        writer.RecordRejection(new Rejection(reason, time.GetUtcNow(), remote, bodyLength, prefix));
        IntakeLog.DeliveryRefused(logger, reason, remote, bodyLength);
        if (refusals.CountRefusal(http.Connection.RemoteIpAddress))
        {
            IntakeLog.AddressLimited(logger, remote, optionsMonitor.CurrentValue.RefusedDeliveriesPerMinute);
        }

        return reason switch
        {
            RejectionReason.BodyTooLarge => Problem(
                http, StatusCodes.Status413PayloadTooLarge, "The body is too large",
                $"The body exceeds the limit of {maxBodyBytes} bytes (Pluvo:MaxBodyBytes)."),
            RejectionReason.MissingSignature => Problem(
                http, StatusCodes.Status401Unauthorized, "The signature is missing",
                "Every delivery must carry the X-Signature and X-Signature-Salt headers."),
            _ => Problem(
                http, StatusCodes.Status401Unauthorized, "The signature does not match",
                "X-Signature is not a valid signature of this body with the configured webhook key and the given " +
                "X-Signature-Salt. Check that Pluvo and this receiver use the same key."),
        };
    }

    private static ProblemHttpResult Problem(
        HttpContext http, int status, string title, string detail, bool retry = false)
    {
        if (retry)
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
        }

        return TypedResults.Problem(detail, statusCode: status, title: title);
    }

    private readonly record struct Body(byte[] Bytes, long BytesRead, bool TooLarge);

    /// <summary>
    /// Reads the body up to one byte past the limit, so a sender that lies about Content-Length, or sends
    /// none, is stopped as soon as it goes over.
    /// </summary>
    private static async Task<Body> ReadBodyAsync(HttpContext http, long limit)
    {
        var sizeFeature = http.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            // Our own limit applies; the server's (30 MB by default) must not cut in first.
            sizeFeature.MaxRequestBodySize = null;
        }

        PipeReader reader = http.Request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(http.RequestAborted);
            var buffer = result.Buffer;
            if (buffer.Length > limit)
            {
                var prefix = buffer.Slice(0, Math.Min(buffer.Length, RejectionPrefixBytes)).ToArray();
                reader.AdvanceTo(buffer.End);
                return new Body(prefix, buffer.Length, TooLarge: true);
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return new Body(bytes, bytes.Length, TooLarge: false);
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static string KeptHeadersJson(HttpRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var name in KeptHeaders)
            {
                if (request.Headers.TryGetValue(name, out var value))
                {
                    json.WriteString(name, value.ToString());
                }
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
