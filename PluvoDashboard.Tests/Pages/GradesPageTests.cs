using System.Net;
using System.Text.RegularExpressions;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The grades page as the server renders it, and its CSV export.</summary>
public sealed class GradesPageTests(LearningData data) : IClassFixture<LearningData>
{
    private const string Row = "grade-row";

    private static List<string> Scores(string html) =>
        Regex.Matches(html, "data-testid=\"grade-score\"[^>]*>([^<]*)<").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task PageShowsOnlyTheLatestGradePerLearnerAndAssignment()
    {
        var html = await data.App.GetPageAsync("/grades?sort=score&dir=asc");

        Assert.Contains("<title>Grades · PluvoDashboard</title>", html);
        Assert.Equal(["4", "8", "9"], Scores(html));
        Assert.Equal("3 grades", PageHtml.TextOf(html, "grade-count"));
    }

    [Theory]
    [InlineData("?state=submitted", 1)]
    [InlineData("?fulfilled=yes", 2)]
    [InlineData("?fulfilled=no", 1)]
    [InlineData("?assignment=week%202", 1)]
    [InlineData("?learner=zoe", 2)]
    [InlineData("?learnerId=u-2", 1)]
    public async Task FiltersInTheAddressNarrowTheGrades(string query, int rows)
    {
        var html = await data.App.GetPageAsync("/grades" + query);

        Assert.Equal(rows, PageHtml.Count(html, Row));
    }

    [Fact]
    public async Task HistoryListsEveryUpdateNewestFirst()
    {
        var html = await data.App.GetPageAsync("/grades?learnerId=u-1&assignment=a-1&history=true");

        Assert.Equal(1, PageHtml.Count(html, Row));
        var history = Regex.Matches(html, "data-testid=\"grade-history-row\"[^>]*>.*?</tr>", RegexOptions.Singleline)
            .Select(m => m.Value).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("2026-11-05T12:00", history[0]);
        Assert.Contains(">8<", history[0]);
        Assert.Contains(">6<", history[1]);
    }

    [Fact]
    public async Task CsvExportHoldsTheLatestGrades()
    {
        var admin = await data.App.AdminClientAsync();
        var response = await admin.GetAsync("/export/grades.csv?learnerId=u-1&sort=score");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("graded_at,learner_id,learner_name,learner_email,assignment_id,module_group,training_id,"
            + "assignment_type,score,score_type,state,fulfilled,weight", lines[0]);
        Assert.Equal("2026-11-05T12:00:00.000Z,u-1,Zoë Ñúñez,zoe@example.com,a-1,Week 1,t-1,participant,8,numeral,"
            + "GRADED,true,2", lines[1]);
        Assert.StartsWith("2026-11-06T12:00:00.000Z,u-1,", lines[2]);
        Assert.Equal("", lines[3]);
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task CsvExportWithAnUnreadableFilterAnswersAProblem()
    {
        var response = await (await data.App.AdminClientAsync()).GetAsync("/export/grades.csv?fulfilled=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
