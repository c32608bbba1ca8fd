using System.Text;
using PluvoDashboard.Events;
using PluvoDashboard.Intake;

namespace PluvoDashboard.Tests.Intake;

public sealed class EnvelopeReaderTests
{
    private const string User = """
        {"id":"u-1","ref":"emp-001","name":"Zoë Ñúñez","email":"zoe@example.com","isActive":true,
         "afas_person_id":null,"afas_employee_id":null,"extraFields":{"Afdeling":"Zorg"}}
        """;

    private const string Training = """
        {"id":"t-1","ref":"trn-bhv","title":"Brandveiligheid","subtitle":"Basis","startDate":"2026-01-05",
         "endDate":"2026-03-01","isActive":true,"extraFields":{}}
        """;

    private static Envelope Read(string json)
    {
        var result = EnvelopeReader.Read(Encoding.UTF8.GetBytes(json));
        Assert.Null(result.Error);
        return Assert.IsType<Envelope>(result.Envelope);
    }

    [Fact]
    public void UserEventTakesTheLearnerFromItsOwnFields()
    {
        var envelope = Read("""
            {"id":"933d","ref":"user-ref","event":"USER_CREATED","name":"User X","email":"test@example.com",
             "isActive":true,"afas_person_id":null,"extraFields":{"Afdeling":"Marketing"},
             "sentDate":"2020-01-01T10:15:00.000Z"}
            """);

        Assert.Equal("USER_CREATED", envelope.EventType);
        Assert.Equal(EventFamily.User, envelope.Family);
        Assert.Equal("933d", envelope.SubjectId);
        Assert.Equal("user-ref", envelope.SubjectRef);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 15, 0, TimeSpan.Zero), envelope.SentDate);
        Assert.Equal(("933d", "User X", "test@example.com"), (envelope.UserId, envelope.UserName, envelope.UserEmail));
        Assert.Null(envelope.TrainingId);
    }

    [Fact]
    public void TrainingEventTakesTheTrainingFromItsOwnFields()
    {
        var envelope = Read("""
            {"id":"t-9","ref":"trn-9","event":"TRAINING_UPDATED","title":"BHV Herhaling","subtitle":null,
             "isActive":false,"showParticipants":true,"sentDate":"2026-02-03T04:05:06.789Z"}
            """);

        Assert.Equal(EventFamily.Training, envelope.Family);
        Assert.Equal(("t-9", "BHV Herhaling"), (envelope.TrainingId, envelope.TrainingTitle));
        Assert.Null(envelope.UserId);
        Assert.Equal(789, envelope.SentDate!.Value.Millisecond);
    }

    [Fact]
    public void GroupEventHasASubjectButNoLearnerOrTraining()
    {
        var envelope = Read("""{"id":"g-1","ref":"grp","event":"GROUP_CREATED","name":"Team Noord","enableChat":true,"sentDate":"2026-01-01T00:00:00.000Z"}""");

        Assert.Equal(EventFamily.Group, envelope.Family);
        Assert.Equal("g-1", envelope.SubjectId);
        Assert.Null(envelope.UserName);
        Assert.Null(envelope.TrainingTitle);
    }

    [Theory]
    [InlineData("EVENT_CONDITIONS_FULFILLED", EventFamily.ModuleGroup)]
    [InlineData("EVENT_FILE_UPLOADED", EventFamily.ModuleGroup)]
    [InlineData("EVENT_CERTIFICATE_ACHIEVED", EventFamily.ModuleGroup)]
    [InlineData("TRAINING_FINISHED", EventFamily.TrainingFinished)]
    public void NestedLearnerAndTrainingAreRead(string type, EventFamily family)
    {
        var envelope = Read($$"""
            {"ref":"mg-1","event":"{{type}}","training":{{Training}},"user":{{User}},
             "conditions":[{"type":"AbsoluteDateCondition","date":"2020-12-01T08:00:00+00:00"}],
             "file":"https://files.example.com/a.pdf","sentDate":"2026-01-01T00:00:00.000Z"}
            """);

        Assert.Equal(family, envelope.Family);
        Assert.Equal("mg-1", envelope.SubjectRef);
        Assert.Equal(
            ("u-1", "Zoë Ñúñez", "zoe@example.com"), (envelope.UserId, envelope.UserName, envelope.UserEmail));
        Assert.Equal(("t-1", "Brandveiligheid"), (envelope.TrainingId, envelope.TrainingTitle));
    }

    [Fact]
    public void CourseFinishedReadsTheLearnerButNotTheCourseAsATraining()
    {
        var envelope = Read($$"""
            {"id":"c-1","event":"COURSE_FINISHED","score":87.5,"time_spent":{"days":0,"seconds":3600,"microseconds":0},
             "user":{{User}},"course":{"id":"course-1","title":"EHBO"},"lti":{"id":"lti-1"},"type":"COURSE",
             "sentDate":"2026-01-01T00:00:00.000Z"}
            """);

        Assert.Equal(EventFamily.CourseFinished, envelope.Family);
        Assert.Equal("u-1", envelope.UserId);
        Assert.Null(envelope.TrainingTitle);
    }

    [Theory]
    [InlineData("PORTFOLIO_ITEM_CREATED", EventFamily.PortfolioItem)]
    [InlineData("ASSIGNMENT_GRADE_UPDATE", EventFamily.AssignmentGrade)]
    [InlineData("OFFER_EVENT_ENROLLED", EventFamily.OfferEvent)]
    [InlineData("OFFER_EVENT_ENROLLMENT_STATUS_UPDATED", EventFamily.OfferEvent)]
    [InlineData("OFFER_EVENT_UNENROLLED", EventFamily.OfferEvent)]
    public void OtherFamiliesReadTheirNestedLearner(string type, EventFamily family)
    {
        var envelope = Read($$"""
            {"id":"x-1","event":"{{type}}","user":{{User}},"offer_event":{"id":"oe","price":"0.00","title":"Intake"},
             "assignment":{"id":"a","event":{"id":"e","title":"nested title is not a training"},"weight":0},
             "sentDate":"2026-01-01T00:00:00.000Z"}
            """);

        Assert.Equal(family, envelope.Family);
        Assert.Equal("Zoë Ñúñez", envelope.UserName);
        Assert.Null(envelope.TrainingTitle);
    }

    [Fact]
    public void SnakeCaseNamesAreReadLikeCamelCase()
    {
        var envelope = Read("""{"event":"USER_UPDATED","ID":"u-2","Name":"Jan","e_mail":"x","email":"jan@example.com","sent_date":"2026-05-06T07:08:09.010Z"}""");

        Assert.Equal("u-2", envelope.UserId);
        Assert.Equal("jan@example.com", envelope.UserEmail);
        Assert.Equal(new DateTimeOffset(2026, 5, 6, 7, 8, 9, 10, TimeSpan.Zero), envelope.SentDate);
    }

    [Fact]
    public void MissingFieldsAreNullAndNothingFails()
    {
        var envelope = Read("""{"event":"COURSE_FINISHED"}""");

        Assert.Equal(EventFamily.CourseFinished, envelope.Family);
        Assert.Null(envelope.SubjectId);
        Assert.Null(envelope.SentDate);
        Assert.Null(envelope.UserId);
    }

    [Fact]
    public void PartialAndOddlyTypedNestedObjectsAreTolerated()
    {
        var envelope = Read("""
            {"event":"TRAINING_FINISHED","id":12345,"user":{"id":42,"name":null},"training":"not an object",
             "score":null,"sentDate":"not a date","unknown":{"deep":[1,2,{"x":[]}]}}
            """);

        Assert.Equal("12345", envelope.SubjectId);
        Assert.Equal("42", envelope.UserId);
        Assert.Null(envelope.UserName);
        Assert.Null(envelope.TrainingId);
        Assert.Null(envelope.SentDate);
    }

    [Fact]
    public void SentDateWithAnOffsetIsConvertedToUtc()
    {
        var envelope = Read("""{"event":"USER_CREATED","sentDate":"2026-01-01T10:00:00+02:00"}""");

        Assert.Equal(TimeSpan.Zero, envelope.SentDate!.Value.Offset);
        Assert.Equal(8, envelope.SentDate.Value.Hour);
    }

    [Fact]
    public void UnknownEventTypeIsReadWithTheUnknownFamily()
    {
        var envelope = Read("""{"event":"BADGE_AWARDED","id":"b-1","user":{"id":"u-9"},"sentDate":"2026-01-01T00:00:00Z"}""");

        Assert.Equal("BADGE_AWARDED", envelope.EventType);
        Assert.Equal(EventFamily.Unknown, envelope.Family);
        Assert.Equal("u-9", envelope.UserId);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("[1,2,3]")]
    [InlineData("\"USER_CREATED\"")]
    [InlineData("""{"event":"USER_CREATED",""")]
    [InlineData("""{"event":"USER_CREATED"} trailing""")]
    [InlineData("""{"id":"u-1","sentDate":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"event":""}""")]
    [InlineData("""{"event":42}""")]
    public void BodyThatIsNotAnEventIsUnparseableWithAReason(string body)
    {
        var result = EnvelopeReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Null(result.Envelope);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    [Fact]
    public void InvalidUtf8IsUnparseable()
    {
        byte[] body = [.. "{\"event\":\"USER_CREATED\",\"name\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = EnvelopeReader.Read(body);

        Assert.Null(result.Envelope);
        Assert.Contains("not valid JSON", result.Error);
    }
}
