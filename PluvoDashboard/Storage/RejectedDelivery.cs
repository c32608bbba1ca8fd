namespace PluvoDashboard.Storage;

/// <summary>Why a delivery was refused before it was stored.</summary>
public enum RejectionReason
{
    MissingSignature,
    InvalidSignature,
    BodyTooLarge,

    /// <summary>Answered 429 without reading the body: its address had too many deliveries refused.</summary>
    RateLimited,
}

/// <summary>
/// A refused delivery, kept so an admin can see why Pluvo's requests fail. Only the most recent ones are
/// kept (<c>Pluvo:RejectedDeliveriesKept</c>); <see cref="RejectionCount"/> counts all of them.
/// </summary>
public sealed class RejectedDelivery
{
    public long Id { get; set; }

    public DateTimeOffset RejectedAt { get; set; }

    public RejectionReason Reason { get; set; }

    public string? RemoteAddress { get; set; }

    /// <summary>The body length when it was known: the bytes read, or the announced Content-Length.</summary>
    public long? BodyLength { get; set; }

    /// <summary>The first bytes of the body (at most 512), to recognise what was sent.</summary>
    public byte[] BodyPrefix { get; set; } = [];
}

/// <summary>The number of deliveries ever refused for one reason.</summary>
public sealed class RejectionCount
{
    public RejectionReason Reason { get; set; }

    public long Count { get; set; }

    public DateTimeOffset LastAt { get; set; }
}
