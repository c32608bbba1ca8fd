using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PluvoDashboard.Intake;

/// <summary>
/// Counts refused deliveries per remote address (IPv6 addresses by their /64 network, which one host can fill
/// with addresses) in a token bucket of <see cref="PluvoWebhookOptions.RefusedDeliveriesPerMinute"/>. An
/// address whose bucket is empty is limited: its requests are answered before anything is read.
/// </summary>
public sealed class RefusalLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public RefusalLimiter(IOptions<PluvoWebhookOptions> options)
    {
        var perMinute = options.Value.RefusedDeliveriesPerMinute;
        RetryAfter = TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(60.0 / perMinute)));
        _limiter = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perMinute,
                TokensPerPeriod = perMinute,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>How long a limited address should wait before it tries again.</summary>
    public TimeSpan RetryAfter { get; }

    /// <summary>Whether the address has used up its refusals for now. Takes nothing from its bucket.</summary>
    public bool IsLimited(IPAddress? remote)
    {
        using var lease = _limiter.AttemptAcquire(PartitionOf(remote), permitCount: 0);
        return !lease.IsAcquired;
    }

    /// <summary>Counts a refusal; true when it used up the address's last one, so it is limited from now.</summary>
    public bool CountRefusal(IPAddress? remote)
    {
        var partition = PartitionOf(remote);
        using var lease = _limiter.AttemptAcquire(partition);
        return lease.IsAcquired && _limiter.GetStatistics(partition)?.CurrentAvailablePermits == 0;
    }

    public void Dispose() => _limiter.Dispose();

    private static string PartitionOf(IPAddress? remote)
    {
        if (remote is null)
        {
            return "unknown";
        }

        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (remote.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return remote.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        remote.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
