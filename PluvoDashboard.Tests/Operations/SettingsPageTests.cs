using Bunit;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Components.Pages.Settings;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Operations;

/// <summary>The settings page (bUnit) on a real app's services and configuration.</summary>
public sealed class SettingsPageTests
{
    private const string CurrentKey = "Zq9XvT7pLmB4";
    private const string PreviousKey = "Hw4RbN8sKdQ2";
    private const string ForwardingPassword = "s3cr3t-Pa55";
    private const string ForwardingSigningKey = "Fy6JcU2eWaR8";

    private static async Task<long> PostAsync(PluvoApp app, SignedDelivery delivery)
    {
        var response = await app.CreateClient().SendAsync(delivery.SignedWith(CurrentKey).ToRequest());
        return (await response.AssertAcceptedAsync()).Id;
    }

    private static void AssertNoPartOf(string secret, string markup)
    {
        for (var i = 0; i + 6 <= secret.Length; i++)
        {
            var part = secret.Substring(i, 6);
            Assert.False(markup.Contains(part, StringComparison.Ordinal), $"The page shows '{part}' of a secret.");
        }
    }

    [Fact]
    public async Task KeyStatusSaysAKeyIsSetAndHowManyPreviousOnesWithoutShowingAnyOfThem()
    {
        using var app = new PluvoApp()
            .With("Pluvo:WebhookKey", CurrentKey)
            .With("Pluvo:PreviousWebhookKeys:0", PreviousKey)
            .With("Pluvo:PreviousWebhookKeys:1", "   ");
        await using var context = OperationsContext.Create(app);
        context.RenderProviders();

        var page = context.Render<SettingsPage>();

        Assert.Contains("A webhook key is set", page.Find("[data-testid=key-set]").TextContent);
        Assert.Equal("1 previous key is still accepted.", page.Find("[data-testid=previous-keys]").TextContent);
        Assert.Contains("http://localhost/webhooks/pluvo", page.Find("[data-testid=webhook-url]").TextContent);
        AssertNoPartOf(CurrentKey, page.Markup);
        AssertNoPartOf(PreviousKey, page.Markup);
    }

    [Fact]
    public async Task ForwardingDestinationsAreListedWithoutTheirPasswordOrSigningKey()
    {
        using var app = new PluvoApp()
            .With("Handlers:Forwarding:0:Name", "crm")
            .With("Handlers:Forwarding:0:Url", $"https://hooks:{ForwardingPassword}@crm.example.com/in?team=hr")
            .With("Handlers:Forwarding:0:SigningKey", ForwardingSigningKey)
            .With("Handlers:Forwarding:0:Events:0", "USER_*")
            .With("Handlers:Forwarding:0:TimeoutSeconds", "7");
        await using var context = OperationsContext.Create(app);
        context.RenderProviders();

        var page = context.Render<SettingsPage>();

        var row = page.Find("[data-testid=forwarding-row]");
        Assert.Equal("https://crm.example.com/in?team=hr", page.Find("[data-testid=forwarding-url]").TextContent);
        Assert.Contains("USER_*", row.TextContent);
        Assert.Contains("7 s", row.TextContent);
        Assert.Equal("set", page.Find("[data-testid=forwarding-key]").TextContent);
        Assert.DoesNotContain("hooks:", page.Markup);
        AssertNoPartOf(ForwardingPassword, page.Markup);
        AssertNoPartOf(ForwardingSigningKey, page.Markup);
    }

    [Fact]
    public async Task RebuildAsksFirstAndRunsOnlyOnceConfirmed()
    {
        using var app = new PluvoApp().With("Pluvo:WebhookKey", CurrentKey);
        var id = await PostAsync(app, SignedDelivery.UserCreated());
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = app.CreateDbContext();
            return (await db.WebhookEvents.SingleAsync(e => e.Id == id)).Status == EventStatus.Processed;
        }, "the user is projected");
        await using (var db = app.CreateDbContext())
        {
            // A row no stored event backs: only a rebuild removes it.
            db.Learners.Add(new Learner { Id = "stale-learner", Name = "Left over" });
            await db.SaveChangesAsync();
        }

        await using var context = OperationsContext.Create(app);
        var providers = context.RenderProviders();
        var page = context.Render<SettingsPage>();

        page.Find("[data-testid=rebuild-read-models]").Click();
        providers.Dialogs.WaitForAssertion(() => Assert.Contains(
            "read models are emptied", providers.Dialogs.Find("[data-testid=confirm-message]").TextContent));
        Assert.True(await LearnerExistsAsync(app, "stale-learner"));
        providers.Dialogs.Find("[data-testid=confirm-cancel]").Click();
        providers.Dialogs.WaitForAssertion(
            () => Assert.Empty(providers.Dialogs.FindAll("[data-testid=confirm-dialog]")));
        Assert.Empty(page.FindAll("[data-testid=rebuild-result]"));
        Assert.True(await LearnerExistsAsync(app, "stale-learner"));

        page.Find("[data-testid=rebuild-read-models]").Click();
        providers.Dialogs.WaitForElement("[data-testid=confirm-ok]").Click();

        page.WaitForAssertion(() => Assert.StartsWith(
            "Rebuilt from 1 event in", page.Find("[data-testid=rebuild-result]").TextContent.Trim()),
            TimeSpan.FromSeconds(10));
        Assert.False(await LearnerExistsAsync(app, "stale-learner"));
        Assert.True(await LearnerExistsAsync(app, "933d8663-edf6-42c9-895a-eeec13fff0ab"));
        Assert.Contains("Rebuild of the read models requested by admin@example.test", app.Log.AllText);
    }

    private static async Task<bool> LearnerExistsAsync(PluvoApp app, string id)
    {
        await using var db = app.CreateDbContext();
        return await db.Learners.AnyAsync(l => l.Id == id);
    }

    [Fact]
    public async Task SendingATestEventShowsTheStoredEventWithALinkToIt()
    {
        using var app = new PluvoApp();
        app.UseKestrel(0);
        app.StartServer();
        await using var context = OperationsContext.Create(app);
        context.RenderProviders();
        var page = context.Render<SettingsPage>();

        page.Find("[data-testid=send-test-event]").Click();

        var link = page.WaitForElement("[data-testid=test-event-link]", TimeSpan.FromSeconds(10));
        await using var db = app.CreateDbContext();
        var stored = await db.WebhookEvents.SingleAsync();
        Assert.Equal("USER_CREATED", stored.EventType);
        Assert.Equal($"/events/{stored.Id}", link.GetAttribute("href"));
        Assert.Contains("200", page.Find("[data-testid=test-event-result]").TextContent);
    }

    [Fact]
    public async Task WithoutAKeyTheTestEventButtonIsOffAndSaysAKeyMustBeSetFirst()
    {
        using var app = new PluvoApp().With("Pluvo:WebhookKey", null);
        await using var context = OperationsContext.Create(app);
        context.RenderProviders();

        var page = context.Render<SettingsPage>();

        Assert.True(page.Find("[data-testid=send-test-event]").HasAttribute("disabled"));
        Assert.Contains("key must be set first", page.Find("[data-testid=test-event-needs-key]").TextContent);
        Assert.Contains("No webhook key is set", page.Find("[data-testid=key-missing]").TextContent);
    }

    [Theory]
    [InlineData(null, "Stored events are kept forever.")]
    [InlineData("0", "Stored events are kept forever.")]
    [InlineData("30", "Stored events are kept for 30 days.")]
    public async Task RetentionShowsTheConfiguredDays(string? days, string expected)
    {
        using var app = new PluvoApp();
        if (days is not null)
        {
            app.With("Retention:Days", days);
        }

        await using var context = OperationsContext.Create(app);
        context.RenderProviders();

        var page = context.Render<SettingsPage>();

        Assert.Equal(expected, page.Find("[data-testid=retention-days]").TextContent.Trim());
        Assert.Contains("Retention__Days", page.Find("[data-testid=retention]").TextContent);
    }
}
