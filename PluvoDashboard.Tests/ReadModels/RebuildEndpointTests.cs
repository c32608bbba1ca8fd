using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.ReadModels;

public sealed class RebuildEndpointTests
{
    [Fact]
    public async Task RebuildThroughTheApiRestoresReadModelsFromTheStoredEvents()
    {
        using var app = new PluvoApp();
        var client = app.CreateClient();
        long last = 0;
        foreach (var id in new[] { "u-1", "u-2", "u-3" })
        {
            var posted = await client.SendAsync(SignedDelivery.UserCreated(id).ToRequest());
            last = (await posted.AssertAcceptedAsync()).Id;
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == last)).Status == EventStatus.Processed;
        }, "the events are projected");
        await using (var db = app.CreateDbContext())
        {
            await db.Learners.ExecuteDeleteAsync();
        }

        var admin = await app.CreateUserAsync();
        var response = await (await app.ApiClientAsync(owner: admin)).PostAsync("/api/read-models/rebuild", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3, answer.GetProperty("events").GetInt32());
        await using var check = app.CreateDbContext();
        Assert.Equal(["u-1", "u-2", "u-3"], await check.Learners.Select(l => l.Id).OrderBy(i => i).ToListAsync());
        Assert.All(await check.Learners.ToListAsync(), l => Assert.Equal("Zoë Ñúñez", l.Name));
        Assert.Contains($"Rebuild of the read models requested by {admin.Email}", app.Log.AllText);
    }
}
