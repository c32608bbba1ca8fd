using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Components.Pages.ReadModels;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The event timeline of a learner or training as an interactive component, on a real database.</summary>
public sealed class TimelineTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task TimelineShowsFiftyNewestFirstAndLoadsTheRestOnAsking()
    {
        await using (var db = _database.CreateDbContext())
        {
            for (var i = 0; i < 120; i++)
            {
                db.WebhookEvents.Add(new WebhookEvent
                {
                    EventType = "COURSE_FINISHED", UserId = i % 2 == 0 ? "u-1" : "u-2", UserName = "Zoë",
                    ReceivedAt = DateTimeOffset.UnixEpoch.AddMinutes(i), BodyHash = [(byte)i], RawBody = [1],
                });
            }

            await db.SaveChangesAsync();
        }

        await using var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddDbContextFactory<PluvoDbContext>(o => o.UseSqlite(_database.Settings.ConnectionString));
        context.Services.AddSingleton<PluvoDashboard.Storage.Search.EventSearch>();

        var timeline = context.Render<EventTimeline>(p => p.Add(x => x.UserId, "u-2"));
        timeline.WaitForAssertion(() => Assert.Equal(50, timeline.FindAll("[data-testid=timeline-row]").Count));
        Assert.Equal("/events/120", timeline.Find("[data-testid=timeline-row] a").GetAttribute("href"));

        timeline.Find("[data-testid=timeline-more]").Click();

        timeline.WaitForAssertion(() => Assert.Equal(60, timeline.FindAll("[data-testid=timeline-row]").Count));
        var hrefs = timeline.FindAll("[data-testid=timeline-row] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"/events/{122 - 2 * i}"), hrefs);
        Assert.Empty(timeline.FindAll("[data-testid=timeline-more]"));
    }
}
