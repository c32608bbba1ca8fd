using System.Text.Json;
using PluvoDashboard.Cli;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

public sealed class BuiltInSampleTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 10, 15, 0, 123, TimeSpan.Zero);

    private static readonly Dictionary<EventFamily, Type> RecordOfFamily = new()
    {
        [EventFamily.Training] = typeof(TrainingEvent),
        [EventFamily.User] = typeof(UserEvent),
        [EventFamily.Group] = typeof(GroupEvent),
        [EventFamily.ModuleGroup] = typeof(ModuleGroupEvent),
        [EventFamily.PortfolioItem] = typeof(PortfolioItemEvent),
        [EventFamily.CourseFinished] = typeof(CourseFinishedEvent),
        [EventFamily.TrainingFinished] = typeof(TrainingFinishedEvent),
        [EventFamily.AssignmentGrade] = typeof(AssignmentGradeEvent),
        [EventFamily.OfferEvent] = typeof(OfferEventEnrolmentEvent),
    };

    public static TheoryData<string> KnownTypes => [.. EventCatalog.KnownTypes];

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void EverySampleParsesToTheRecordOfItsFamily(string eventType)
    {
        var body = PluvoSamples.For(eventType, new Random(5), SentAt);

        var result = PluvoEventParser.Parse(eventType, body);

        Assert.True(result.Succeeded, result.Error);
        Assert.IsType(RecordOfFamily[EventCatalog.FamilyOf(eventType)], result.Event);
        Assert.Equal(eventType, result.Event.EventType);
        Assert.Equal(SentAt, result.Event.SentDate);
        Assert.Equal(TopLevelText(body, "id"), result.Event.SubjectId);
    }

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void EverySampleNamesItsLearnerAsTheBodyDoes(string eventType)
    {
        var body = PluvoSamples.For(eventType, new Random(6), SentAt);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var user = root.TryGetProperty("user", out var nested) ? nested : root;

        var learner = Parsing.As<PluvoEvent>(body) switch
        {
            UserEvent e => e.User,
            ModuleGroupEvent e => e.User,
            PortfolioItemEvent e => e.User,
            CourseFinishedEvent e => e.User,
            TrainingFinishedEvent e => e.User,
            AssignmentGradeEvent e => e.User,
            OfferEventEnrolmentEvent e => e.User,
            _ => null,
        };

        if (learner is not null)
        {
            Assert.Equal(user.GetProperty("id").GetString(), learner.Id);
            Assert.Equal(user.GetProperty("email").GetString(), learner.Email);
            Assert.Equal(user.GetProperty("name").GetString(), learner.Name);
        }
    }

    [Fact]
    public void EveryTypeTheCatalogKnowsHasItsOwnRecord()
    {
        var families = EventCatalog.KnownTypes.Select(EventCatalog.FamilyOf).Distinct();

        Assert.All(families, family => Assert.Contains(family, RecordOfFamily.Keys));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EveryDeliveryOfASimulatedOrganisationParsesToATypedEvent(int seed)
    {
        var clock = SentAt;
        var organisation = new SimulatedOrganisation(new Random(seed), () => clock = clock.AddSeconds(7));

        foreach (var delivery in organisation.Stream().Take(600))
        {
            var result = PluvoEventParser.Parse(delivery.EventType, delivery.Body);

            Assert.True(result.Succeeded, result.Error);
            Assert.IsNotType<GenericEvent>(result.Event);
            Assert.NotNull(result.Event.SentDate);
            Assert.False(string.IsNullOrEmpty(result.Event.SubjectId), delivery.EventType);
        }
    }

    private static string? TopLevelText(byte[] body, string name)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty(name).GetString();
    }
}
