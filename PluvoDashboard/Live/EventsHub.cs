using Microsoft.AspNetCore.SignalR;
using PluvoDashboard.Events;

namespace PluvoDashboard.Live;

/// <summary>
/// The live feed for outside SignalR clients (a script, another dashboard) at <c>/hubs/events</c>. A client
/// chooses what it hears: every event, or only some event types. Updates arrive as the message
/// <c>update</c>; <c>refresh</c> means some were lost and the client should reload what it shows.
/// </summary>
public sealed class EventsHub(EventsHubRelay relay) : Hub
{
    public const string Path = "/hubs/events";
    public const string AllGroup = "all";

    public static string TypeGroup(string eventType) => $"type:{eventType}";

    public override Task OnConnectedAsync()
    {
        relay.ClientConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.ClientDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Hear about every event.</summary>
    public Task SubscribeToAll() => Groups.AddToGroupAsync(Context.ConnectionId, AllGroup);

    /// <summary>Hear about events of these types only (known or not).</summary>
    public async Task SubscribeToTypes(string[] eventTypes)
    {
        if (eventTypes.Length > EventCatalog.KnownTypes.Count + 50)
        {
            throw new HubException("Too many event types in one subscription.");
        }

        foreach (var eventType in eventTypes.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct())
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, TypeGroup(eventType.Trim()));
        }
    }
}

/// <summary>
/// Relays the in-process <see cref="LiveFeed"/> to the hub's groups, subscribed only while some client is
/// connected, so that without listeners the intake builds no updates at all.
/// </summary>
public sealed class EventsHubRelay(LiveFeed feed, IHubContext<EventsHub> hub) : IDisposable
{
    private readonly Lock _lock = new();
    private int _clients;
    private IDisposable? _subscription;

    public void ClientConnected()
    {
        lock (_lock)
        {
            if (++_clients == 1)
            {
                _subscription = feed.Subscribe(RelayAsync);
            }
        }
    }

    public void ClientDisconnected()
    {
        lock (_lock)
        {
            if (--_clients == 0)
            {
                _subscription?.Dispose();
                _subscription = null;
            }
        }
    }

    public void Dispose() => _subscription?.Dispose();

    private Task RelayAsync(LiveUpdate update)
    {
        if (update.Change == LiveChange.Refresh)
        {
            return hub.Clients.All.SendAsync("refresh", update.At);
        }

        IReadOnlyList<string> groups = update.EventType is null
            ? [EventsHub.AllGroup]
            : [EventsHub.AllGroup, EventsHub.TypeGroup(update.EventType)];
        return hub.Clients.Groups(groups).SendAsync("update", update);
    }
}
