using PluvoDashboard.Accounts;
using System.Collections.Concurrent;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Live;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Live;

/// <summary>An outside SignalR client on <c>/hubs/events</c>, against the running app.</summary>
public sealed class EventsHubTests
{
    [Fact]
    public async Task ClientHearsOnlyTheEventTypesItSubscribedTo()
    {
        using var app = new PluvoApp();
        var http = app.CreateClient();
        var token = await app.CreateTokenAsync(DashboardRoles.Viewer);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, EventsHub.Path.TrimStart('/')), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token.Secret);
                options.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                options.Transports = HttpTransportType.LongPolling;
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var heard = new ConcurrentQueue<LiveUpdate>();
        connection.On<LiveUpdate>("update", heard.Enqueue);
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeToTypes", new[] { "USER_CREATED" });

        var group = await (await http.SendAsync(
            SignedDelivery.Of("""{"event":"GROUP_CREATED","id":"g-1"}""").ToRequest())).AssertAcceptedAsync();
        var user = await (await http.SendAsync(SignedDelivery.UserCreated().ToRequest())).AssertAcceptedAsync();

        await Eventually.HoldsAsync(() => Task.FromResult(heard.Any(u => u.Change == LiveChange.Processed)),
            "the user event's processing is heard");
        Assert.All(heard, u => Assert.Equal(user.Id, u.EventId));
        Assert.Equal(LiveChange.Received, heard.First().Change);
        Assert.Equal("Zoë Ñúñez", heard.First().UserName);
        Assert.DoesNotContain(heard, u => u.EventId == group.Id);
    }
}
