using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Components.Pages.Completions;
using PluvoDashboard.Components.Pages.Grades;
using PluvoDashboard.Components.Pages.Learners;
using PluvoDashboard.Components.Pages.Portfolio;
using PluvoDashboard.Components.Pages.Trainings;
using PluvoDashboard.Live;
using PluvoDashboard.Storage;
using PluvoDashboard.Storage.ReadModels;
using PluvoDashboard.Tests.Support;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The read-model pages as interactive components (bUnit), on the real live feed and database.</summary>
public sealed class LivePagesTests : IDisposable
{
    private readonly TestDatabase _database = new();
    private readonly LiveFeed _feed = new(TimeProvider.System);

    public void Dispose() => _database.Dispose();

    private BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton(_feed);
        context.Services.AddDbContextFactory<PluvoDbContext>(o => o.UseSqlite(_database.Settings.ConnectionString));
        context.Services.AddSingleton<PluvoDashboard.Storage.Search.EventSearch>();
        return context;
    }

    private async Task AddCompletionAsync(long eventId, string title)
    {
        await using var db = _database.CreateDbContext();
        db.Learners.Add(new Learner { Id = $"u-{eventId}", Name = $"Learner {eventId}" });
        db.Completions.Add(new Completion
        {
            EventId = eventId, Kind = CompletionKind.Course, LearnerId = $"u-{eventId}", CourseTitle = title,
            Score = 7, TimeSpent = TimeSpan.FromMinutes(85), FinishedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task CompletionsPageShowsANewCompletionOnceItsEventIsProcessed()
    {
        await using var context = CreateContext();
        var page = context.Render<CompletionsPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=completions-empty]")));

        await AddCompletionAsync(1, "Fire safety");
        _feed.Publish(new LiveUpdate(LiveChange.Received, 1, "COURSE_FINISHED", "L", null, DateTimeOffset.UtcNow));
        await Task.Delay(400);
        Assert.Empty(page.FindAll("[data-testid=completion-row]"));

        _feed.Publish(new LiveUpdate(LiveChange.Processed, 1, "COURSE_FINISHED", "L", null, DateTimeOffset.UtcNow));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=completion-row]")),
            TimeSpan.FromSeconds(5));
        Assert.Contains("1 h 25 min", page.Markup);
        Assert.Equal("1", page.Find("[data-testid=chart-total]").TextContent);
    }

    [Fact]
    public async Task EveryReadModelPageRendersInteractivelyWithoutAnError()
    {
        await AddCompletionAsync(1, "Fire safety");
        await using var context = CreateContext();

        AssertRenders(context.Render<CompletionsPage>(), "completion-row");
        AssertRenders(context.Render<PortfolioPage>(), "portfolio-empty");
        AssertRenders(context.Render<GradesPage>(), "grades-empty");
        AssertRenders(context.Render<LearnersPage>(), "learner-row");
        AssertRenders(context.Render<TrainingsPage>(), "trainings-empty");
        AssertRenders(context.Render<LearnerPage>(p => p.Add(x => x.Id, "u-1")), "learner-title");
        AssertRenders(context.Render<TrainingPage>(p => p.Add(x => x.Id, "t-9")), "training-not-found");
    }

    private static void AssertRenders<T>(IRenderedComponent<T> page, string testId)
        where T : IComponent =>
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-testid={testId}]")));
}
