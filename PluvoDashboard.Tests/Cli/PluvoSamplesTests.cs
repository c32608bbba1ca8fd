using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PluvoDashboard.Cli;
using PluvoDashboard.Events;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Tests.Cli;

public sealed class PluvoSamplesTests
{
    private static readonly DateTimeOffset SentAt = new(2026, 12, 3, 10, 15, 0, 123, TimeSpan.Zero);

    private static readonly EventFamily[] FamiliesWithALearner =
    [
        EventFamily.User, EventFamily.ModuleGroup, EventFamily.PortfolioItem, EventFamily.CourseFinished,
        EventFamily.TrainingFinished, EventFamily.AssignmentGrade, EventFamily.OfferEvent,
    ];

    private static readonly EventFamily[] FamiliesWithATraining =
        [EventFamily.Training, EventFamily.ModuleGroup, EventFamily.TrainingFinished];

    public static TheoryData<string> KnownTypes => [.. EventCatalog.KnownTypes];

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void EverySampleCarriesItsEventTypeFamilyAndSentDate(string eventType)
    {
        var envelope = Read(PluvoSamples.For(eventType, new Random(1), SentAt));

        Assert.Equal(eventType, envelope.EventType);
        Assert.Equal(EventCatalog.FamilyOf(eventType), envelope.Family);
        Assert.Equal(SentAt, envelope.SentDate);
        Assert.False(string.IsNullOrEmpty(envelope.SubjectId));
    }

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void SamplesNameTheLearnerAndTrainingWhereTheFamilyHasThem(string eventType)
    {
        var envelope = Read(PluvoSamples.For(eventType, new Random(2), SentAt));

        if (FamiliesWithALearner.Contains(envelope.Family))
        {
            Assert.False(string.IsNullOrEmpty(envelope.UserId));
            Assert.False(string.IsNullOrEmpty(envelope.UserName));
            Assert.EndsWith("@example.com", envelope.UserEmail);
        }

        if (FamiliesWithATraining.Contains(envelope.Family))
        {
            Assert.False(string.IsNullOrEmpty(envelope.TrainingId));
            Assert.False(string.IsNullOrEmpty(envelope.TrainingTitle));
        }
    }

    [Theory]
    [MemberData(nameof(KnownTypes))]
    public void SentDateIsWrittenInUtcWithMilliseconds(string eventType)
    {
        using var json = JsonDocument.Parse(PluvoSamples.For(eventType, new Random(3), SentAt));

        var sentDate = json.RootElement.GetProperty("sentDate").GetString();

        Assert.Equal("2026-12-03T10:15:00.123Z", sentDate);
    }

    [Fact]
    public void TheSameSeedGivesTheSameSample()
    {
        var first = PluvoSamples.For("COURSE_FINISHED", new Random(42), SentAt);
        var second = PluvoSamples.For("COURSE_FINISHED", new Random(42), SentAt);

        Assert.Equal(first, second);
    }

    [Fact]
    public void EventTypesAreFoundInAnyLetterCase()
    {
        Assert.Equal("OFFER_EVENT_ENROLLED", PluvoSamples.KnownType("offer_event_Enrolled"));
        Assert.Null(PluvoSamples.KnownType("USER_EXPLODED"));
    }

    [Fact]
    public void NestedObjectsAreWrittenInFull()
    {
        using var json = JsonDocument.Parse(PluvoSamples.For("EVENT_FILE_UPLOADED", new Random(4), SentAt));
        var root = json.RootElement;

        var user = root.GetProperty("user");
        foreach (var field in new[] { "id", "ref", "name", "email", "isActive", "afas_person_id", "afas_employee_id" })
        {
            Assert.True(user.TryGetProperty(field, out _), $"user.{field} is missing");
        }

        var training = root.GetProperty("training");
        foreach (var field in new[] { "title", "subtitle", "introduction", "startDate", "endDate", "enableChat" })
        {
            Assert.True(training.TryGetProperty(field, out _), $"training.{field} is missing");
        }

        Assert.Equal(JsonValueKind.Object, training.GetProperty("extraFields").ValueKind);
        Assert.Equal("AbsoluteDateCondition", root.GetProperty("conditions")[0].GetProperty("type").GetString());
        Assert.StartsWith("https://", root.GetProperty("file").GetString());
    }

    [Fact]
    public void OfferEventPriceIsAStringWithTwoDecimals()
    {
        using var json = JsonDocument.Parse(PluvoSamples.For("OFFER_EVENT_ENROLLED", new Random(5), SentAt));
        var offer = json.RootElement.GetProperty("offer_event");

        Assert.Matches(new Regex(@"^\d+\.\d\d$"), offer.GetProperty("price").GetString());
        Assert.Equal("ENROLLED", json.RootElement.GetProperty("status").GetString());
        Assert.Contains(offer.GetProperty("cancelled").ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
        Assert.Equal(JsonValueKind.String, offer.GetProperty("kind").ValueKind);
    }

    [Fact]
    public void TimeSpentIsSplitIntoDaysSecondsAndMicroseconds()
    {
        var learner = SampleRecords.Learner(new Random(6), 1);
        var training = SampleRecords.Training(new Random(6), 0, new DateOnly(2026, 11, 2));
        var course = SampleRecords.Course(new Random(6), training, 0);
        var spent = new TimeSpan(1, 2, 3, 4, 5);

        var body = PluvoEventFactory.CourseFinished("c-1", course, learner, 87.5, spent, SentAt);

        using var json = JsonDocument.Parse(body);
        var timeSpent = json.RootElement.GetProperty("time_spent");
        Assert.Equal(1, timeSpent.GetProperty("days").GetInt32());
        Assert.Equal(2 * 3600 + 3 * 60 + 4, timeSpent.GetProperty("seconds").GetInt32());
        Assert.Equal(5000, timeSpent.GetProperty("microseconds").GetInt32());
        Assert.Equal(87.5, json.RootElement.GetProperty("score").GetDouble());
    }

    [Fact]
    public void NamesWithDiacriticsAreWrittenAsPlainUtf8()
    {
        var learner = SampleRecords.Learner(new Random(7), 1) with { Name = "Zoë Ñúñez" };

        var body = PluvoEventFactory.UserEvent("USER_CREATED", learner, SentAt);

        Assert.Contains("\"name\":\"Zoë Ñúñez\"", Encoding.UTF8.GetString(body));
        Assert.Equal("Zoë Ñúñez", Read(body).UserName);
    }

    [Fact]
    public void ASignedSampleVerifiesWithReadingOne()
    {
        var body = PluvoSamples.For("ASSIGNMENT_GRADE_UPDATE", new Random(8), SentAt);

        var signature = SignatureVerifier.Sign(body, "salt-1", "test-key");
        var match = SignatureVerifier.Verify(body, signature, "salt-1", ["test-key"]);

        Assert.NotNull(match);
        Assert.Equal(27, signature.Length);
        Assert.Equal(new SignatureReading(KeyDerivation.Sha1OfSaltAndKey, SignatureEncoding.Base64Url), match.Reading);
    }

    private static Envelope Read(byte[] body)
    {
        var result = EnvelopeReader.Read(body);
        Assert.Null(result.Error);
        return result.Envelope!;
    }
}
