using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PluvoDashboard.Cli;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PluvoDashboard.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class EveryPageBrowserTests(ChromiumFixture chromium)
{
    /// <summary>
    /// Every routable page of the app, found by reflection so a new page cannot be forgotten, and whether it is
    /// interactive (the sign-in pages are plain server-rendered forms).
    /// </summary>
    private static IReadOnlyList<(string Template, bool Interactive)> RouteTemplates() =>
    [
        .. typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (r.Template,
                Interactive: t.GetCustomAttribute<ExcludeFromInteractiveRoutingAttribute>() is null)))
            .Distinct()
            .OrderBy(r => r.Template, StringComparer.Ordinal),
    ];

    [Fact]
    public async Task EveryPageRendersWithoutAnErrorInTheBrowserConsole()
    {
        await using var session = await BrowserSession.StartAsync(chromium);
        var random = new Random(5);
        var sent = DateTimeOffset.UtcNow.AddHours(-1);
        var lastId = 0L;
        foreach (var type in EventCatalog.KnownTypes.Where(t => !t.EndsWith("_DELETED", StringComparison.Ordinal)))
        {
            lastId = await session.PostWebhookAsync(SignedDelivery.Of(PluvoSamples.For(type, random, sent)));
        }

        string learnerId = "", trainingId = "";
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = session.App.CreateDbContext();
            learnerId = await db.Learners.Select(l => l.Id).FirstOrDefaultAsync() ?? "";
            trainingId = await db.Trainings.Select(t => t.Id).FirstOrDefaultAsync() ?? "";
            return learnerId != "" && trainingId != "" &&
                !await db.WebhookEvents.AnyAsync(e => e.Status == EventStatus.Pending);
        }, "the samples are processed");

        var templates = RouteTemplates();
        Assert.Contains(("/events/{Id:long}", true), templates);
        Assert.Contains(("/account/login", false), templates);
        foreach (var (template, interactive) in templates)
        {
            var path = template
                .Replace("/events/{Id:long}", $"/events/{lastId}")
                .Replace("/learners/{Id}", $"/learners/{Uri.EscapeDataString(learnerId)}")
                .Replace("/trainings/{Id}", $"/trainings/{Uri.EscapeDataString(trainingId)}");
            Assert.DoesNotContain("{", path);

            if (interactive)
            {
                await session.OpenAsync(path);
            }
            else
            {
                await session.Page.GotoAsync(path);
            }

            await Expect(session.Page.Locator("h1").First).ToBeVisibleAsync();
            Assert.False(string.IsNullOrWhiteSpace(await session.Page.TitleAsync()), $"{path} has no title");
            await session.Page.WaitForTimeoutAsync(300);
            await Expect(session.Page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
            Assert.True(session.ConsoleErrors.Count == 0,
                $"{path} wrote to the browser console: {string.Join(" | ", session.ConsoleErrors)}");
        }
    }
}
