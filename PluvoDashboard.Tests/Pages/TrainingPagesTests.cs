using System.Net;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The trainings list and a training's page as the server renders them.</summary>
public sealed class TrainingPagesTests(LearningData data) : IClassFixture<LearningData>
{
    [Fact]
    public async Task ListShowsParticipantsCompletionsAndAverageScore()
    {
        var html = await data.App.GetPageAsync("/trainings");

        Assert.Contains("<title>Trainings · PluvoDashboard</title>", html);
        Assert.Equal(1, PageHtml.Count(html, "training-row"));
        Assert.Equal("2", PageHtml.TextOf(html, "training-participants"));
        Assert.Equal("2", PageHtml.TextOf(html, "training-completions"));
        Assert.Equal("7", PageHtml.TextOf(html, "training-average"));
        Assert.Contains("href=\"/trainings/t-1\"", html);
    }

    [Fact]
    public async Task SearchNarrowsTheList()
    {
        var none = await data.App.GetPageAsync("/trainings?q=cooking");
        var one = await data.App.GetPageAsync("/trainings?q=SAFETY");

        Assert.Equal(1, PageHtml.Count(none, "trainings-empty"));
        Assert.Equal(1, PageHtml.Count(one, "training-row"));
    }

    [Fact]
    public async Task TrainingsPageShowsDetailsParticipantsCompletionsAndTimeline()
    {
        var html = await data.App.GetPageAsync("/trainings/t-1");
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains("<title>Safety first · PluvoDashboard</title>", text);
        Assert.Contains("Basics", text);
        Assert.Contains("2026-09-01", text);
        Assert.Equal("2", PageHtml.TextOf(html, "training-participant-count"));
        Assert.Equal("7", PageHtml.TextOf(html, "training-average-score"));
        Assert.Equal(2, PageHtml.Count(html, "participant-row"));
        Assert.Contains("href=\"/learners/u-2\"", html);
        Assert.Equal(3, PageHtml.Count(html, "training-completion-row"));

        await using var db = data.App.CreateDbContext();
        var events = db.WebhookEvents.Count(e => e.TrainingId == "t-1");
        Assert.True(events >= 4, $"expected the training's events, found {events}");
        Assert.Equal(events, PageHtml.Count(html, "timeline-row"));
    }

    [Fact]
    public async Task UnknownTrainingShowsNotFound()
    {
        var html = await data.App.GetPageAsync("/trainings/no-such-training");

        Assert.Equal(1, PageHtml.Count(html, "training-not-found"));
    }
}
