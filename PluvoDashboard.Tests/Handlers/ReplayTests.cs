using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PluvoDashboard.Handlers;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Handlers;

/// <summary>Replay through the JSON API, with the dispatcher running the handlers.</summary>
public sealed class ReplayTests : IAsyncLifetime
{
    private readonly PluvoApp _app = new();
    private RecordingEndpoint _endpoint = null!;

    public async Task InitializeAsync() => _endpoint = await RecordingEndpoint.StartAsync(_ => (500, TimeSpan.Zero));

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _endpoint.DisposeAsync();
    }

    /// <summary>Runs these handlers instead of the app's own.</summary>
    private void UseOnly(params IWebhookHandler[] handlers) => _app.WithServices(services =>
    {
        services.RemoveAll<IWebhookHandler>();
        foreach (var handler in handlers)
        {
            services.AddSingleton(handler);
        }
    });

    private async Task<long> PostAsync(SignedDelivery delivery) =>
        (await (await _app.CreateClient().SendAsync(delivery.ToRequest())).AssertAcceptedAsync()).Id;

    private async Task WhenAsync(long id, EventStatus status)
    {
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == status;
        }, $"event {id} is {status}");
    }

    [Fact]
    public async Task DeadLetteredForwardSucceedsOnReplayOnceTheDestinationIsMended()
    {
        _app.With("Handlers:Retry:MaxAttempts", "2")
            .With("Handlers:Forwarding:0:Name", "archive")
            .With("Handlers:Forwarding:0:Url", _endpoint.Url.ToString())
            .With("Handlers:Forwarding:0:SigningKey", "archive-key");
        var delivery = SignedDelivery.UserCreated();
        var id = await PostAsync(delivery);
        await WhenAsync(id, EventStatus.DeadLettered);
        _endpoint.Script = _ => (204, TimeSpan.Zero);

        var admin = await _app.CreateUserAsync();
        var client = await _app.ApiClientAsync(owner: admin);
        var response = await client
            .PostAsJsonAsync($"/api/events/{id}/replay", new { handlers = new[] { "forward:archive" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["forward:archive"], answer.GetProperty("handlers").EnumerateArray().Select(h => h.GetString()));
        await WhenAsync(id, EventStatus.Processed);
        await using var db = _app.CreateDbContext();
        var runs = await db.HandlerRuns.Where(r => r.EventId == id && r.HandlerName == "forward:archive")
            .OrderBy(r => r.Id).ToListAsync();
        Assert.Equal([false, false, true], runs.Select(r => r.Succeeded));
        Assert.Equal([false, false, true], runs.Select(r => r.IsReplay));
        Assert.Equal(admin.Email, runs[^1].RequestedBy);
        Assert.Equal(3, runs[^1].Attempt);
        Assert.Equal("true", _endpoint.Requests.Last().Headers["X-PluvoDashboard-Replay"]);
        Assert.Equal(delivery.Body, (await db.WebhookEvents.SingleAsync(e => e.Id == id)).RawBody);
    }

    [Fact]
    public async Task ReplayOfOneHandlerDoesNotRunTheOthers()
    {
        var projection = new ScriptedHandler("projection");
        var audit = new ScriptedHandler("audit");
        UseOnly(projection, audit);
        var id = await PostAsync(SignedDelivery.UserCreated());
        await WhenAsync(id, EventStatus.Processed);

        var response = await (await _app.ApiClientAsync())
            .PostAsJsonAsync($"/api/events/{id}/replay", new { handlers = new[] { "audit" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.HoldsAsync(() => Task.FromResult(audit.CallsFor(id) == 2), "audit ran again");
        await WhenAsync(id, EventStatus.Processed);
        Assert.Equal(1, projection.CallsFor(id));
    }

    [Fact]
    public async Task ReplayOfAMissingEventIs404AndOfAnUnknownHandler400()
    {
        UseOnly(new ScriptedHandler("projection"));
        var id = await PostAsync(SignedDelivery.UserCreated());
        var client = await _app.ApiClientAsync();

        var missing = await client.PostAsJsonAsync("/api/events/999999/replay", new { });
        var unknown = await client.PostAsJsonAsync($"/api/events/{id}/replay", new { handlers = new[] { "nope" } });

        await missing.AssertProblemAsync(HttpStatusCode.NotFound);
        await unknown.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task BulkReplayFirstCountsThenRunsOnlyWhenConfirmed()
    {
        var projection = new ScriptedHandler("projection");
        UseOnly(projection);
        var users = new[]
        {
            await PostAsync(SignedDelivery.UserCreated("a")),
            await PostAsync(SignedDelivery.UserCreated("b")),
        };
        var group = await PostAsync(SignedDelivery.Of("""{"event":"GROUP_CREATED","id":"g-1"}"""));
        foreach (var id in users.Append(group))
        {
            await WhenAsync(id, EventStatus.Processed);
        }

        var client = await _app.ApiClientAsync();
        var preview = await client.PostAsJsonAsync("/api/events/replay", new { eventType = "USER_*" });
        var confirmed = await client.PostAsJsonAsync(
            "/api/events/replay", new { eventType = "USER_*", confirm = true });

        var previewAnswer = JsonDocument.Parse(await preview.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal((2, 0, false), (previewAnswer.GetProperty("matching").GetInt32(),
            previewAnswer.GetProperty("scheduled").GetInt32(), previewAnswer.GetProperty("confirmed").GetBoolean()));
        Assert.Equal(HttpStatusCode.Accepted, confirmed.StatusCode);
        await Eventually.HoldsAsync(
            () => Task.FromResult(users.All(id => projection.CallsFor(id) == 2)), "the users are replayed");
        Assert.Equal(1, projection.CallsFor(group));
    }

    [Fact]
    public async Task EventsCanBeListedFilteredAndReadWithTheirRuns()
    {
        UseOnly(new ScriptedHandler("projection"));
        var first = await PostAsync(SignedDelivery.UserCreated("a"));
        var second = await PostAsync(SignedDelivery.Of("""{"event":"GROUP_CREATED","id":"g-1"}"""));
        await WhenAsync(second, EventStatus.Processed);
        var client = await _app.ApiClientAsync();

        var all = JsonDocument.Parse(await client.GetStringAsync("/api/events?pageSize=1")).RootElement;
        var users = JsonDocument.Parse(await client.GetStringAsync("/api/events?type=USER_*")).RootElement;
        var detail = JsonDocument.Parse(await client.GetStringAsync($"/api/events/{second}")).RootElement;
        var badPage = await client.GetAsync("/api/events?pageSize=100000");

        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal(second, all.GetProperty("items")[0].GetProperty("id").GetInt64());
        Assert.Equal(first, Assert.Single(users.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal("Processed", detail.GetProperty("event").GetProperty("status").GetString());
        Assert.Equal("""{"event":"GROUP_CREATED","id":"g-1"}""", detail.GetProperty("payload").GetString());
        Assert.Equal("projection", detail.GetProperty("runs")[0].GetProperty("handlerName").GetString());
        await badPage.AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/events/424242")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
