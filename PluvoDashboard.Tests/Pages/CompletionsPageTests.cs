using System.Net;
using PluvoDashboard.Tests.ReadModels;
using PluvoDashboard.Tests.Support;
using static PluvoDashboard.Tests.Pages.PageBodies;

namespace PluvoDashboard.Tests.Pages;

/// <summary>Two learners and five completions, posted once through the webhook and projected.</summary>
public sealed class CompletionsData : IAsyncLifetime
{
    public const string Quoted = "Safety, \"first\"\nsteps";
    public const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";
    public const string Script = "<script>alert(1)</script>";

    public PluvoApp App { get; } = new();

    public async Task InitializeAsync()
    {
        await App.PostAsync(User("u-1", "Zoë Ñúñez", "zoe@example.com"));
        await App.PostAsync(User("u-2", "Bram de Vries", "bram@example.org"));
        await App.PostAsync(CourseFinished("cf-1", "u-1", "Zoë Ñúñez", "Fire safety", 7.5, day: 3));
        await App.PostAsync(CourseFinished("cf-2", "u-2", "Bram de Vries", Quoted, 9, day: 5));
        await App.PostAsync(TrainingFinished("tf-1", "u-1", "Zoë Ñúñez", "t-1", "Safety first", 6, day: 10));
        await App.PostAsync(CourseFinished("cf-3", "u-2", "Bram de Vries", Formula, 5, day: 12));
        await App.PostAsync(CourseFinished("cf-4", "u-2", "Bram de Vries", Script, null, day: 14));
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The completions page as the server renders it, and its CSV export.</summary>
public sealed class CompletionsPageTests(CompletionsData data) : IClassFixture<CompletionsData>
{
    private const string Row = "completion-row";

    [Fact]
    public async Task PageListsEveryCompletionWithLearnerScoreTimeSpentAndLinks()
    {
        var html = await data.App.GetPageAsync("/completions");

        Assert.Contains("<title>Completions · PluvoDashboard</title>", html);
        Assert.Equal(5, PageHtml.Count(html, Row));
        Assert.Equal("5 completions", PageHtml.TextOf(html, "completion-count"));
        Assert.Contains("Fire safety", html);
        Assert.Contains("1 h 25 min", html);
        Assert.Contains(">7.5<", html);
        Assert.Contains("href=\"/learners/u-1\"", html);
        Assert.Contains("Zoë Ñúñez", WebUtility.HtmlDecode(html));
        Assert.Contains("href=\"/trainings/t-1\"", html);
        Assert.Contains("datetime=\"2026-11-03T12:00:00.0000000Z\"", html);
    }

    [Theory]
    [InlineData("?kind=training", 1)]
    [InlineData("?learner=bram", 3)]
    [InlineData("?learner=EXAMPLE.ORG", 3)]
    [InlineData("?title=fire", 1)]
    [InlineData("?minScore=7&maxScore=9", 2)]
    [InlineData("?from=2026-11-04&to=2026-11-10", 2)]
    [InlineData("?learner=zo%C3%AB&kind=course", 1)]
    [InlineData("?title=nothing-like-this", 0)]
    public async Task FiltersInTheAddressNarrowTheRows(string query, int rows)
    {
        var html = await data.App.GetPageAsync("/completions" + query);

        Assert.Equal(rows, PageHtml.Count(html, Row));
        if (rows == 0)
        {
            Assert.Equal(1, PageHtml.Count(html, "completions-empty"));
        }
        else
        {
            Assert.Equal($"{rows} completions", PageHtml.TextOf(html, "completion-count"));
        }
    }

    [Fact]
    public async Task SortingByScoreAscendingPutsTheLowestFirstAndUnscoredBeforeIt()
    {
        var html = await data.App.GetPageAsync("/completions?sort=score&dir=asc");

        var scores = System.Text.RegularExpressions.Regex
            .Matches(html, "data-testid=\"completion-score\"[^>]*>([^<]*)<")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(["–", "5", "6", "7.5", "9"], scores);
    }

    [Fact]
    public async Task ChartCountsTheCompletionsOfThePeriodPerDay()
    {
        var html = await data.App.GetPageAsync("/completions?from=2026-11-01&to=2026-11-30&learner=bram");

        Assert.Equal("3", PageHtml.TextOf(html, "chart-total"));
        Assert.Equal(1, PageHtml.Count(html, "completions-chart"));
    }

    [Fact]
    public async Task UnreadableFilterIsSaidAndNotApplied()
    {
        var html = await data.App.GetPageAsync("/completions?minScore=lots");

        Assert.Equal(1, PageHtml.Count(html, "filter-invalid"));
        Assert.Equal(5, PageHtml.Count(html, Row));
    }

    [Fact]
    public async Task PayloadTextIsShownEscapedNeverAsMarkup()
    {
        var html = await data.App.GetPageAsync("/completions");

        Assert.DoesNotContain(CompletionsData.Script, html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public async Task ExportButtonLinksToTheExportWithTheCurrentFilters()
    {
        var html = await data.App.GetPageAsync("/completions?learner=bram&kind=course");

        var button = System.Text.RegularExpressions.Regex.Match(html, "<a[^>]*data-testid=\"export-completions\"[^>]*>")
            .Value;
        Assert.Contains("href=\"/export/completions.csv?learner=bram&amp;kind=course&amp;tz=UTC\"", button);
        Assert.Contains("download", button);
    }

    [Fact]
    public async Task CsvExportHoldsTheFilteredRowsQuotedAndWithoutFormulas()
    {
        var response = await (await data.App.AdminClientAsync())
            .GetAsync("/export/completions.csv?learner=bram&sort=finished&dir=asc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^completions-\d{4}-\d{2}-\d{2}\.csv$",
            response.Content.Headers.ContentDisposition?.FileName);
        var csv = await response.Content.ReadAsStringAsync();
        var expected = string.Join("\r\n",
            "finished_at,kind,learner_id,learner_name,learner_email,course,training_id,training,score,"
                + "time_spent_seconds",
            "2026-11-05T12:00:00.000Z,course,u-2,Bram de Vries,bram@example.org,\"Safety, \"\"first\"\"\nsteps\","
                + "t-1,,9,5100",
            "2026-11-12T12:00:00.000Z,course,u-2,Bram de Vries,bram@example.org,"
                + "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",t-1,,5,5100",
            "2026-11-14T12:00:00.000Z,course,u-2,Bram de Vries,bram@example.org,<script>alert(1)</script>,t-1,,,5100",
            "");
        Assert.Equal(expected, csv);
    }

    [Fact]
    public async Task CsvExportWithAnUnreadableFilterAnswersAProblem()
    {
        var response = await (await data.App.AdminClientAsync()).GetAsync("/export/completions.csv?from=yesterday");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("from", out _));
    }
}
