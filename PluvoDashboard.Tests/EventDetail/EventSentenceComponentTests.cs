using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PluvoDashboard.Components.Events;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;

namespace PluvoDashboard.Tests.EventDetail;

/// <summary>The sentence component: names become links, and a name is always text, never markup.</summary>
public sealed class EventSentenceComponentTests
{
    private static BunitContext CreateContext()
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        return context;
    }

    private static EventDescription Describe(string json) =>
        EventSentences.Describe(null, Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task LearnerAndTrainingAreLinksToTheirPages()
    {
        await using var context = CreateContext();
        var description = Describe("""
            {"event":"TRAINING_FINISHED","id":"tf","score":90,"user":{"id":"u-1","name":"Zoë Ñúñez"},
            "training":{"id":"t-1","title":"Brandveiligheid"}}
            """);

        var sentence = context.Render<EventSentence>(p => p.Add(c => c.Description, description));

        Assert.Equal("Zoë Ñúñez completed the training Brandveiligheid with 90",
            sentence.Find("[data-testid=event-sentence]").TextContent);
        var learner = sentence.Find("a[data-testid=sentence-learner]");
        Assert.Equal(("/learners/u-1", "Zoë Ñúñez"), (learner.GetAttribute("href"), learner.TextContent));
        var training = sentence.Find("a[data-testid=sentence-training]");
        Assert.Equal(("/trainings/t-1", "Brandveiligheid"), (training.GetAttribute("href"), training.TextContent));
    }

    [Fact]
    public async Task NamesHoldingMarkupAreShownAsText()
    {
        await using var context = CreateContext();
        var description = Describe("""
            {"event":"TRAINING_FINISHED","id":"tf","user":{"id":"u-1","name":"<script>alert(1)</script>"},
            "training":{"id":"t-1","title":"<img src=x onerror=alert(2)>"}}
            """);

        var sentence = context.Render<EventSentence>(p => p.Add(c => c.Description, description));

        Assert.Empty(sentence.FindAll("script"));
        Assert.Empty(sentence.FindAll("img"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", sentence.Markup);
        Assert.Contains("&lt;img src=x onerror=alert(2)&gt;", sentence.Markup);
        Assert.Equal("<script>alert(1)</script>", sentence.Find("a[data-testid=sentence-learner]").TextContent);
    }

    [Fact]
    public async Task WithoutLinksTheNamesAreText()
    {
        await using var context = CreateContext();
        var description = Describe("""{"event":"USER_CREATED","id":"u-1","name":"Ann"}""");

        var sentence = context.Render<EventSentence>(p => p
            .Add(c => c.Description, description)
            .Add(c => c.Links, false));

        Assert.Empty(sentence.FindAll("a"));
        Assert.Equal("Ann was added as a user", sentence.Find("[data-testid=event-sentence]").TextContent);
    }

    [Theory]
    [InlineData(EventStatus.Pending, "Pending")]
    [InlineData(EventStatus.Processed, "Processed")]
    [InlineData(EventStatus.Failing, "Failing")]
    [InlineData(EventStatus.DeadLettered, "Dead-lettered")]
    [InlineData(EventStatus.Unparseable, "Unparseable")]
    public async Task TheStatusChipNamesEveryStatusWithAnIcon(EventStatus status, string label)
    {
        await using var context = CreateContext();

        var chip = context.Render<EventStatusChip>(p => p.Add(c => c.Status, status));

        var element = chip.Find("[data-testid=event-status]");
        Assert.Equal(label, element.TextContent.Trim());
        Assert.Equal(status.ToString(), element.GetAttribute("data-status"));
        Assert.NotEmpty(element.QuerySelectorAll("svg"));
    }
}
