using System.Security.Cryptography;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Intake;

/// <summary>What the sender is told once its delivery is committed.</summary>
/// <param name="Id">The stored event's id; for a duplicate, the id of the original.</param>
public readonly record struct DeliveryReceipt(long Id, bool Duplicate);

/// <summary>A verified delivery waiting for the writer, and the request waiting for its receipt.</summary>
public sealed class IncomingDelivery(
    byte[] body,
    DateTimeOffset receivedAt,
    EnvelopeResult envelope,
    string headers,
    SignatureMatch signature,
    bool hasHandlers = true)
{
    // Without RunContinuationsAsynchronously: the request's continuation (building and writing its answer)
    // runs right away on the writer's thread. Handing each one to the thread pool instead meant a wake-up
    // per request and cost a quarter of the throughput on two cores. So the code after awaiting Stored
    // must stay short and must never block.
    private readonly TaskCompletionSource<DeliveryReceipt> _stored = new();

    public byte[] Body { get; } = body;

    /// <summary>SHA-256 of the body, computed on the request's thread rather than the writer's.</summary>
    public byte[] BodyHash { get; } = SHA256.HashData(body);

    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public EnvelopeResult Envelope { get; } = envelope;

    public string Headers { get; } = headers;

    public SignatureMatch Signature { get; } = signature;

    /// <summary>Unparseable, pending while some handler takes its type, otherwise processed at once.</summary>
    public EventStatus InitialStatus { get; } =
        envelope.Envelope is null ? EventStatus.Unparseable
        : hasHandlers ? EventStatus.Pending
        : EventStatus.Processed;

    /// <summary>
    /// Completes once the delivery is committed; fails with <see cref="DeliveryNotStoredException"/>.
    /// </summary>
    public Task<DeliveryReceipt> Stored => _stored.Task;

    internal void MarkStored(DeliveryReceipt receipt) => _stored.TrySetResult(receipt);

    internal void MarkFailed(Exception cause) => _stored.TrySetException(new DeliveryNotStoredException(cause));
}

/// <summary>A refused delivery on its way to the capped <see cref="RejectedDelivery"/> table.</summary>
public sealed record Rejection(
    RejectionReason Reason,
    DateTimeOffset At,
    string? RemoteAddress,
    long? BodyLength,
    byte[] BodyPrefix);

/// <summary>The database did not take the batch this delivery was in; the sender should retry.</summary>
public sealed class DeliveryNotStoredException(Exception inner)
    : Exception("The delivery could not be stored.", inner);
