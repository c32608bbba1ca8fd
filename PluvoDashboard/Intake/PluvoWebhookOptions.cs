using System.ComponentModel.DataAnnotations;

namespace PluvoDashboard.Intake;

/// <summary>Settings of the webhook endpoint, bound from the <c>Pluvo</c> section.</summary>
public sealed class PluvoWebhookOptions
{
    public const string Section = "Pluvo";

    /// <summary>The key Pluvo signs with. Unset: the endpoint refuses every delivery with 503.</summary>
    public string? WebhookKey { get; set; }

    /// <summary>Keys still accepted while Pluvo moves to a new one.</summary>
    public List<string> PreviousWebhookKeys { get; set; } = [];

    /// <summary>Largest body accepted, in bytes; larger ones are refused with 413.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Deliveries waiting for the writer before new ones are refused with 503.</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>The most deliveries the writer commits in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>How many refused deliveries are kept for inspection; older ones are deleted.</summary>
    [Range(1, 1_000_000)]
    public int RejectedDeliveriesKept { get; set; } = 1000;

    /// <summary>
    /// Refused deliveries (bad signature, too large) one remote address may cause a minute; past that, its
    /// requests are answered 429 before their body is read, until it has kept quiet for a while. Accepted
    /// deliveries never count, so a flood of forgeries from elsewhere cannot crowd out Pluvo.
    /// </summary>
    [Range(1, 1_000_000)]
    public int RefusedDeliveriesPerMinute { get; set; } = 60;

    public bool HasKey => !string.IsNullOrWhiteSpace(WebhookKey);

    private IReadOnlyList<string>? _acceptedKeys;

    /// <summary>
    /// The current key first, then the previous keys; blank entries are ignored. Worked out once per bound
    /// instance: a configuration reload binds a new one.
    /// </summary>
    public IReadOnlyList<string> AcceptedKeys() => _acceptedKeys ??=
        [.. new[] { WebhookKey }.Concat(PreviousWebhookKeys).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k!)];
}
