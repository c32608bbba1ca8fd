using System.Globalization;
using System.Text;
using PluvoDashboard.Events;
using PluvoDashboard.Storage;
using PluvoDashboard.Tests.ReadModels;

namespace PluvoDashboard.Tests.EventDetail;

/// <summary>Every event type said in words, read from a real body, plus the fallbacks for what is missing.</summary>
public sealed class EventSentenceTests
{
    private static readonly string Zoe = PluvoBodies.NestedUser("u-1", "Zoë Ñúñez");

    public static TheoryData<string, string, string> EveryKnownType => new()
    {
        { "TRAINING_CREATED", PluvoBodies.Training("TRAINING_CREATED", "t-1", "Brandveiligheid", 3),
            "Training Brandveiligheid was created" },
        { "TRAINING_UPDATED", PluvoBodies.Training("TRAINING_UPDATED", "t-1", "Brandveiligheid", 3),
            "Training Brandveiligheid was updated" },
        { "TRAINING_DELETED", PluvoBodies.Training("TRAINING_DELETED", "t-1", "Brandveiligheid", 3),
            "Training Brandveiligheid was deleted" },
        { "USER_CREATED", PluvoBodies.User("USER_CREATED", "u-1", "Zoë Ñúñez", 3),
            "Zoë Ñúñez was added as a user" },
        { "USER_UPDATED", PluvoBodies.User("USER_UPDATED", "u-1", "Zoë Ñúñez", 3),
            "Zoë Ñúñez's profile was updated" },
        { "USER_DELETED", PluvoBodies.User("USER_DELETED", "u-1", "Zoë Ñúñez", 3),
            "Zoë Ñúñez was removed as a user" },
        { "GROUP_CREATED", PluvoBodies.Group("GROUP_CREATED", "g-1", "Ploeg Noord", 3),
            "Group Ploeg Noord was created" },
        { "GROUP_UPDATED", PluvoBodies.Group("GROUP_UPDATED", "g-1", "Ploeg Noord", 3),
            "Group Ploeg Noord was updated" },
        { "GROUP_DELETED", PluvoBodies.Group("GROUP_DELETED", "g-1", "Ploeg Noord", 3),
            "Group Ploeg Noord was deleted" },
        { "EVENT_CONDITIONS_FULFILLED", PluvoBodies.ModuleGroup("EVENT_CONDITIONS_FULFILLED", null, 3),
            "Zoë unlocked Week 1 in Safety first" },
        { "EVENT_FILE_UPLOADED", PluvoBodies.ModuleGroup("EVENT_FILE_UPLOADED", "https://files.example/a.pdf", 3),
            "Zoë uploaded a file in Week 1 of Safety first" },
        { "EVENT_CERTIFICATE_ACHIEVED",
            PluvoBodies.ModuleGroup("EVENT_CERTIFICATE_ACHIEVED", "https://files.example/c.pdf", 3),
            "Zoë achieved the certificate of Week 1 in Safety first" },
        { "PORTFOLIO_ITEM_CREATED", PluvoBodies.PortfolioItem("PORTFOLIO_ITEM_CREATED", "p-1", "EHBO", 3),
            "Zoë added “EHBO” to their portfolio" },
        { "PORTFOLIO_ITEM_UPDATED", PluvoBodies.PortfolioItem("PORTFOLIO_ITEM_UPDATED", "p-1", "EHBO", 3),
            "Zoë updated “EHBO” in their portfolio" },
        { "PORTFOLIO_ITEM_DELETED", PluvoBodies.PortfolioItem("PORTFOLIO_ITEM_DELETED", "p-1", "EHBO", 3),
            "Zoë removed “EHBO” from their portfolio" },
        { "COURSE_FINISHED", PluvoBodies.CourseFinished("cf-1", Zoe, 3),
            "Zoë Ñúñez finished Fire safety with 7.5, time spent 1 d 1 h" },
        { "TRAINING_FINISHED", PluvoBodies.TrainingFinished("tf-1", 3),
            "Zoë completed the training Safety first" },
        { "ASSIGNMENT_GRADE_UPDATE", PluvoBodies.Grade("gr-1", "as-1", 7.5, "graded", 3),
            "Zoë got 7.5 for the assignment in Week 1 of Safety first (state: graded, fulfilled)" },
        { "OFFER_EVENT_ENROLLED", PluvoBodies.Offer("OFFER_EVENT_ENROLLED", "ENROLLED", 3),
            "Zoë enrolled in Classroom day" },
        { "OFFER_EVENT_UNENROLLED", PluvoBodies.Offer("OFFER_EVENT_UNENROLLED", "UNENROLLED", 3),
            "Zoë unenrolled from Classroom day" },
        { "OFFER_EVENT_ENROLLMENT_STATUS_UPDATED",
            PluvoBodies.Offer("OFFER_EVENT_ENROLLMENT_STATUS_UPDATED", "NO_SHOW", 3),
            "Zoë's enrolment in Classroom day changed to no show" },
    };

    private static string Sentence(string? type, string body) =>
        EventSentences.Describe(type, Encoding.UTF8.GetBytes(body)).Text;

    [Theory]
    [MemberData(nameof(EveryKnownType))]
    public void EachKnownTypeIsSaidInWords(string type, string body, string expected) =>
        Assert.Equal(expected, Sentence(type, body));

    [Fact]
    public void EveryTypeInTheCatalogHasASentenceTest()
    {
        var tested = EveryKnownType.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(EventCatalog.KnownTypes, tested);
    }

    [Fact]
    public void LearnerAndTrainingArePartsThatLinkToTheirPages()
    {
        var body = Encoding.UTF8.GetBytes(PluvoBodies.CourseFinished("cf-1", Zoe, 3));

        var parts = EventSentences.Describe("COURSE_FINISHED", body).Parts;

        var learner = Assert.Single(parts, p => p.Kind == SentencePartKind.Learner);
        Assert.Equal(("Zoë Ñúñez", "/learners/u-1"), (learner.Text, learner.Href));
        var course = Assert.Single(parts, p => p.Kind == SentencePartKind.Training);
        Assert.Equal(("Fire safety", "/trainings/t-1"), (course.Text, course.Href));
        Assert.All(parts.Where(p => p.Kind == SentencePartKind.Text), p => Assert.Null(p.Href));
    }

    [Fact]
    public void AnIdThatIsNotAPlainWordIsEscapedInTheLink()
    {
        var body = """{"event":"USER_CREATED","id":"a/b?c=<d>","name":"Ann"}""";

        var learner = EventSentences.Describe("USER_CREATED", Encoding.UTF8.GetBytes(body)).Parts[0];

        Assert.Equal("/learners/a%2Fb%3Fc%3D%3Cd%3E", learner.Href);
    }

    [Fact]
    public void ScoresAreWrittenWithADecimalPointWhateverTheCulture()
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("nl-NL");
        try
        {
            var body = """
                {"event":"COURSE_FINISHED","id":"cf-2","score":87.50,"user":{"id":"u-1","name":"Zoë Ñúñez"},
                "course":{"id":"c-1","title":"Brandveiligheid"}}
                """;

            Assert.Equal("Zoë Ñúñez finished Brandveiligheid with 87.5", Sentence("COURSE_FINISHED", body));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData("""{"event":"USER_CREATED","id":"u-9","name":" ","email":"ann@example.com"}""",
        "ann@example.com was added as a user")]
    [InlineData("""{"event":"USER_CREATED","id":"u-9","ref":"EMP-7"}""", "EMP-7 was added as a user")]
    [InlineData("""{"event":"USER_CREATED","id":"u-9"}""", "u-9 was added as a user")]
    [InlineData("""{"event":"USER_CREATED"}""", "Someone was added as a user")]
    [InlineData("""{"event":"TRAINING_CREATED","ref":"TR-1"}""", "Training TR-1 was created")]
    [InlineData("""{"event":"TRAINING_DELETED"}""", "A training was deleted")]
    [InlineData("""{"event":"GROUP_DELETED"}""", "A group was deleted")]
    [InlineData("""{"event":"COURSE_FINISHED","id":"cf","score":80}""", "Someone finished a course with 80")]
    [InlineData("""{"event":"TRAINING_FINISHED","id":"tf","score":91.25}""",
        "Someone completed a training with 91.25")]
    [InlineData("""{"event":"EVENT_CONDITIONS_FULFILLED","id":"mg-4"}""", "Someone unlocked mg-4 in a training")]
    [InlineData("""{"event":"PORTFOLIO_ITEM_DELETED","id":"p-1","user":{"email":"ann@example.com"}}""",
        "ann@example.com removed an item from their portfolio")]
    [InlineData("""{"event":"ASSIGNMENT_GRADE_UPDATE","id":"g","score":null,"fulfilled":false,"state":"open"}""",
        "Someone got a grade for the assignment in a step of a training (state: open, not fulfilled)")]
    [InlineData("""{"event":"OFFER_EVENT_ENROLLED","id":"en","status":"ENROLLED","offer_event":{"ref":"OE-9"}}""",
        "Someone enrolled in OE-9")]
    public void MissingNamesFallBackToEmailRefIdAndThenAPlainWord(string body, string expected) =>
        Assert.Equal(expected, Sentence(null, body));

    [Fact]
    public void AnUnknownTypeSaysWhatPluvoSent() =>
        Assert.Equal("Pluvo sent FOO_BAR", Sentence("FOO_BAR", """{"event":"FOO_BAR","id":"x","name":"Ann"}"""));

    [Theory]
    [InlineData(null, "this is not JSON")]
    [InlineData(null, """["an","array"]""")]
    [InlineData(null, """{"id":"no event field"}""")]
    public void AnUnparseableBodyIsAnUnreadableDelivery(string? type, string body) =>
        Assert.Equal("An unreadable delivery", Sentence(type, body));

    [Fact]
    public void AStoredUnparseableEventIsAnUnreadableDelivery()
    {
        var stored = new WebhookEvent { Status = EventStatus.Unparseable, RawBody = "{{"u8.ToArray() };

        Assert.Equal("An unreadable delivery", EventSentences.Describe(stored).Text);
    }

    [Fact]
    public void AKnownTypeWhoseEssentialFieldCannotBeReadNamesTheType() =>
        Assert.Equal("An unreadable COURSE_FINISHED delivery",
            Sentence("COURSE_FINISHED", """{"event":"COURSE_FINISHED","id":"cf","score":"lots"}"""));

    [Fact]
    public void AStoredEventIsDescribedFromItsBody()
    {
        var stored = new WebhookEvent
        {
            EventType = "USER_UPDATED",
            Status = EventStatus.Processed,
            RawBody = Encoding.UTF8.GetBytes("""{"event":"USER_UPDATED","id":"u-2","name":"Ann","isActive":false}"""),
        };

        Assert.Equal("Ann's profile was updated; the account is inactive", EventSentences.Describe(stored).Text);
    }

    [Theory]
    [InlineData(0.4, "0.4 ms")]
    [InlineData(340, "340 ms")]
    [InlineData(1_240, "1.2 s")]
    [InlineData(185_000, "3 min 5 s")]
    [InlineData(7_500_000, "2 h 5 min")]
    [InlineData(90_000_000, "1 d 1 h")]
    [InlineData(-300, "-300 ms")]
    public void DurationsReadAtAGlance(double milliseconds, string expected) =>
        Assert.Equal(expected, HumanDuration.Format(TimeSpan.FromMilliseconds(milliseconds)));
}
