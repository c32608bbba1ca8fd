using PluvoDashboard.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PluvoDashboard.Intake;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>The settings page's test event, posted over HTTP to the app itself listening on real Kestrel.</summary>
public sealed class TestEventSenderTests
{
    /// <summary>An address nothing listens on: a test passes only if the sender found the real one.</summary>
    private static readonly Uri NowhereBase = new("http://127.0.0.1:9/");
    private static readonly Actor Admin = new("tester@example.test", IsAdmin: true);

    private static PluvoApp StartOnKestrel(PluvoApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        return app;
    }

    [Fact]
    public async Task ATestEventIsSignedPostedToTheRealEndpointAndStored()
    {
        using var app = StartOnKestrel(new PluvoApp());
        var sender = app.Services.GetRequiredService<TestEventSender>();

        var result = await sender.SendAsync(Admin, "COURSE_FINISHED", NowhereBase, CancellationToken.None);

        Assert.True(result.Stored, $"Not stored: {result.StatusCode} {result.Title} {result.Detail}");
        Assert.Equal(200, result.StatusCode);
        Assert.True(result.Url.IsLoopback);
        Assert.NotEqual(9, result.Url.Port);
        Assert.Equal("/webhooks/pluvo", result.Url.AbsolutePath);
        await using var db = app.CreateDbContext();
        var stored = await db.WebhookEvents.SingleAsync();
        Assert.Equal(result.EventId, stored.Id);
        Assert.Equal("COURSE_FINISHED", stored.EventType);
        Assert.Equal("current", stored.SignatureKey);
        Assert.NotEqual(EventStatus.Unparseable, stored.Status);
    }

    [Fact]
    public async Task TwoTestEventsAreTwoEventsNotADuplicate()
    {
        using var app = StartOnKestrel(new PluvoApp());
        var sender = app.Services.GetRequiredService<TestEventSender>();

        var first = await sender.SendAsync(Admin, "USER_CREATED", NowhereBase, CancellationToken.None);
        var second = await sender.SendAsync(Admin, "user_created", NowhereBase, CancellationToken.None);

        Assert.False(second.Duplicate);
        Assert.NotEqual(first.EventId, second.EventId);
        await using var db = app.CreateDbContext();
        Assert.Equal(2, await db.WebhookEvents.CountAsync(e => e.EventType == "USER_CREATED"));
    }

    [Fact]
    public async Task WithoutAKeyTheEndpointsRefusalIsReportedAndNothingIsStored()
    {
        using var app = StartOnKestrel(new PluvoApp().With("Pluvo:WebhookKey", null));
        var sender = app.Services.GetRequiredService<TestEventSender>();

        var result = await sender.SendAsync(Admin, "USER_CREATED", NowhereBase, CancellationToken.None);

        Assert.False(sender.HasKey);
        Assert.False(result.Stored);
        Assert.Equal(503, result.StatusCode);
        Assert.Equal("No webhook key is configured", result.Title);
        Assert.Contains("Pluvo__WebhookKey", result.Detail);
        await using var db = app.CreateDbContext();
        Assert.Equal(0, await db.WebhookEvents.CountAsync());
    }

    [Fact]
    public async Task AnUnknownEventTypeIsRefusedBeforeAnythingIsSent()
    {
        using var app = StartOnKestrel(new PluvoApp());
        var sender = app.Services.GetRequiredService<TestEventSender>();

        await Assert.ThrowsAsync<ArgumentException>(
            () => sender.SendAsync(Admin, "NO_SUCH_EVENT", NowhereBase, CancellationToken.None));
    }
}
