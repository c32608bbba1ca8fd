using System.Net;
using System.Text.RegularExpressions;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The learners list and a learner's page as the server renders them.</summary>
public sealed class LearnerPagesTests(LearningData data) : IClassFixture<LearningData>
{
    [Fact]
    public async Task ListShowsEveryLearnerWithTheirCompletionCount()
    {
        var html = await data.App.GetPageAsync("/learners");

        Assert.Contains("<title>Learners · PluvoDashboard</title>", html);
        Assert.Equal(2, PageHtml.Count(html, "learner-row"));
        Assert.Equal(["1", "2"], Regex.Matches(html, "data-testid=\"learner-completions\"[^>]*>([^<]*)<")
            .Select(m => m.Groups[1].Value).Order().ToList());
        Assert.Contains("href=\"/learners/u-2\"", html);
    }

    [Theory]
    [InlineData("?q=bram", 1)]
    [InlineData("?q=example.com", 1)]
    [InlineData("?q=ref-u", 2)]
    [InlineData("?q=nobody", 0)]
    public async Task SearchNarrowsTheList(string query, int rows)
    {
        var html = await data.App.GetPageAsync("/learners" + query);

        Assert.Equal(rows, PageHtml.Count(html, "learner-row"));
        Assert.Equal(rows == 0 ? 1 : 0, PageHtml.Count(html, "learners-empty"));
    }

    [Fact]
    public async Task LearnersPageTellsTheirStory()
    {
        var html = await data.App.GetPageAsync("/learners/u-1");
        var text = WebUtility.HtmlDecode(html);

        Assert.Contains("<title>Zoë Ñúñez · PluvoDashboard</title>", text);
        Assert.Equal("zoe@example.com", PageHtml.TextOf(html, "learner-email"));
        Assert.Contains("Afdeling", text);
        Assert.Contains("Zorg", text);
        Assert.Equal("2", PageHtml.TextOf(html, "learner-completion-count"));
        Assert.Equal(2, PageHtml.Count(html, "learner-completion-row"));
        Assert.Contains("Fire safety", text);
        Assert.Equal(2, PageHtml.Count(html, "learner-grade-row"));
        Assert.Contains("href=\"/grades?learnerId=u-1&amp;assignment=a-1&amp;history=true\"", html);
        Assert.Equal(2, PageHtml.Count(html, "learner-portfolio-row"));
        Assert.Equal(1, PageHtml.Count(html, "deleted-chip"));
        Assert.Equal(1, PageHtml.Count(html, "learner-milestone-row"));
        Assert.Contains("achieved a certificate", text);
        Assert.Equal(1, PageHtml.Count(html, "learner-enrolment-row"));
        Assert.Contains("Classroom day", text);
        Assert.DoesNotContain("<script>alert('d')</script>", html);
    }

    [Fact]
    public async Task TimelineListsTheLearnersEventsNewestFirstWithLinks()
    {
        await using var db = data.App.CreateDbContext();
        var ids = db.WebhookEvents.Where(e => e.UserId == "u-1").OrderByDescending(e => e.Id).Select(e => e.Id)
            .ToList();

        var html = await data.App.GetPageAsync("/learners/u-1");

        Assert.True(ids.Count >= 8, $"expected the learner's events, found {ids.Count}");
        Assert.Equal(ids.Count, PageHtml.Count(html, "timeline-row"));
        var links = Regex.Matches(html, "href=\"/events/(\\d+)\"").Select(m => long.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal(ids, links);
        Assert.Equal(0, PageHtml.Count(html, "timeline-more"));
    }

    [Fact]
    public async Task UnknownLearnerShowsNotFound()
    {
        var html = await data.App.GetPageAsync("/learners/no-such-learner");

        Assert.Equal(1, PageHtml.Count(html, "learner-not-found"));
        Assert.Contains("no-such-learner", html);
        Assert.Equal(0, PageHtml.Count(html, "timeline"));
    }
}
