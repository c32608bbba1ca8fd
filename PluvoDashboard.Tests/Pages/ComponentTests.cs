using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Components.Pages.ReadModels;

namespace PluvoDashboard.Tests.Pages;

/// <summary>The small components with logic that the read-model pages share (bUnit).</summary>
public sealed class ComponentTests
{
    private static BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        return context;
    }

    [Fact]
    public async Task FileLinksMakeOnlyWebAddressesIntoLinksThatOpenSafelyInANewTab()
    {
        await using var context = CreateContext();

        var links = context.Render<FileLinks>(p => p.Add(x => x.Urls,
            ["https://files.example/a%20b.pdf", "javascript:alert(1)", "data:text/html,<b>x</b>", "/local/file"]));

        var link = Assert.Single(links.FindAll("a"));
        Assert.Equal("https://files.example/a%20b.pdf", link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Equal("noopener noreferrer", link.GetAttribute("rel"));
        Assert.Equal("a b.pdf", link.TextContent);
        Assert.Equal(["javascript:alert(1)", "data:text/html,<b>x</b>", "/local/file"],
            links.FindAll("[data-testid=file-text]").Select(e => e.TextContent.Trim()));
        Assert.Empty(links.FindAll("b"));
    }

    [Fact]
    public async Task ScoreRangeHandsOnAValidRange()
    {
        await using var context = CreateContext();
        var ranges = new List<ScoreRange>();
        var filter = context.Render<ScoreRangeFilter>(p => p
            .Add(x => x.Changed, EventCallback.Factory.Create<ScoreRange>(this, ranges.Add)));

        filter.Find("input[data-testid=filter-min-score]").Change("5");
        filter.Find("input[data-testid=filter-max-score]").Change("8.5");

        Assert.Equal([new ScoreRange(5, null), new ScoreRange(5, 8.5)], ranges);
        Assert.DoesNotContain("above the highest", filter.Markup);
    }

    [Fact]
    public async Task ScoreRangeWithTheLowestAboveTheHighestIsRefusedWithAMessage()
    {
        await using var context = CreateContext();
        var ranges = new List<ScoreRange>();
        var filter = context.Render<ScoreRangeFilter>(p => p
            .Add(x => x.Max, 6)
            .Add(x => x.Changed, EventCallback.Factory.Create<ScoreRange>(this, ranges.Add)));

        filter.Find("input[data-testid=filter-min-score]").Change("9");

        Assert.Empty(ranges);
        Assert.Contains("The lowest score is above the highest.", filter.Markup);
    }

    [Fact]
    public async Task SortLinkTurnsTheOrderAroundOnTheActiveColumnAndKeepsTheFilters()
    {
        await using var context = CreateContext();
        context.Services.GetRequiredService<NavigationManager>()
            .NavigateTo("/completions?learner=zoe&sort=score&dir=desc&page=3");

        var active = context.Render<SortLink>(p => p.Add(x => x.Key, "score").Add(x => x.Label, "Score")
            .Add(x => x.Current, "score").Add(x => x.Descending, true));
        var other = context.Render<SortLink>(p => p.Add(x => x.Key, "finished").Add(x => x.Label, "Finished")
            .Add(x => x.Current, "score").Add(x => x.FirstDescending, true));

        Assert.Equal("http://localhost/completions?learner=zoe&sort=score&dir=asc",
            active.Find("a").GetAttribute("href"));
        Assert.Contains("↓", active.Find("a").TextContent);
        Assert.Equal("http://localhost/completions?learner=zoe&sort=finished&dir=desc",
            other.Find("a").GetAttribute("href"));
        Assert.DoesNotContain("↓", other.Find("a").TextContent);
    }

    [Fact]
    public async Task LongTextFoldsAwayTheRestAndShowsItAsText()
    {
        await using var context = CreateContext();
        var text = new string('a', 90) + "<img src=x onerror=alert(1)>";

        var shown = context.Render<LongText>(p => p.Add(x => x.Text, text));

        Assert.Equal(new string('a', 80) + "…", shown.Find("summary").TextContent);
        Assert.Equal(text, shown.Find("details").GetAttribute("title"));
        Assert.Empty(shown.FindAll("img"));
    }
}
