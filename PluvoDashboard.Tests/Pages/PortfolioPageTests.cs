using System.Net;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The portfolio page as the server renders it, and its CSV export.</summary>
public sealed class PortfolioPageTests(LearningData data) : IClassFixture<LearningData>
{
    private const string Row = "portfolio-row";

    [Fact]
    public async Task PageListsItemsWithDeletedOnesMarkedAndOnlyWebAddressesAsLinks()
    {
        var html = await data.App.GetPageAsync("/portfolio");

        Assert.Contains("<title>Portfolio · PluvoDashboard</title>", html);
        Assert.Equal(3, PageHtml.Count(html, Row));
        Assert.Equal(1, PageHtml.Count(html, "deleted-chip"));
        Assert.Contains("href=\"https://files.example/ehbo.pdf\" target=\"_blank\" rel=\"noopener noreferrer\"", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.Equal("javascript:alert(1)", PageHtml.TextOf(html, "file-text"));
        Assert.Equal(1, PageHtml.Count(html, "long-text"));
    }

    [Theory]
    [InlineData("?deleted=exclude", 2)]
    [InlineData("?deleted=only", 1)]
    [InlineData("?learner=bram", 1)]
    [InlineData("?title=ehbo", 1)]
    [InlineData("?from=2026-03-02&to=2026-03-05", 3)]
    [InlineData("?from=2026-03-03", 0)]
    public async Task FiltersInTheAddressNarrowTheItems(string query, int rows)
    {
        var html = await data.App.GetPageAsync("/portfolio" + query);

        Assert.Equal(rows, PageHtml.Count(html, Row));
        Assert.Equal(rows == 0 ? 1 : 0, PageHtml.Count(html, "portfolio-empty"));
    }

    [Fact]
    public async Task DescriptionWithMarkupIsShownAsText()
    {
        var html = await data.App.GetPageAsync("/portfolio?title=ehbo");

        Assert.DoesNotContain("<script>alert('d')</script>", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Fact]
    public async Task CsvExportQuotesTitlesAndNeutralisesFormulas()
    {
        var response = await (await data.App.AdminClientAsync()).GetAsync("/export/portfolio.csv?learner=bram");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Matches(@"^portfolio-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("updated_at,item_id,learner_id,learner_name,learner_email,title,description,start,end,files,"
            + "deleted,deleted_at", lines[0]);
        Assert.Equal("2026-11-04T12:00:00.000Z,p-2,u-2,Bram de Vries,bram@example.org,"
            + "\"Tillen, \"\"veilig\"\"\nwerken\",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\","
            + "2026-03-01T08:00:00.000Z,2026-03-02T16:00:00.000Z,,false,", lines[1]);
        Assert.Equal(["", ], lines[2..]);
    }

    [Fact]
    public async Task CsvExportKeepsDeletedItemsOutWhenAskedTo()
    {
        var csv = await (await data.App.AdminClientAsync()).GetStringAsync("/export/portfolio.csv?deleted=exclude");

        Assert.DoesNotContain("Old course", csv);
        Assert.Contains("EHBO", csv);
    }
}
