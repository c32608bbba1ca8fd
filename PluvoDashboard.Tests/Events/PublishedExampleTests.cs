using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

/// <summary>The examples Pluvo publishes, as published, with their nested objects elided.</summary>
public sealed class PublishedExampleTests
{
    [Fact]
    public void ThePublishedUserCreatedExampleParses()
    {
        var parsed = Parsing.As<UserEvent>("""
            {
              "id": "933d8663-edf6-42c9-895a-eeec13fff0ab",
              "ref": "user-ref",
              "event": "USER_CREATED",
              "name": "User X",
              "email": "test@example.com",
              "isActive": true,
              "afas_person_id": null,
              "afas_employee_id": null,
              "extraFields": { "Afdeling": "Marketing" },
              "sentDate": "2020-01-01T10:15:00.000Z"
            }
            """);

        Assert.Equal("USER_CREATED", parsed.EventType);
        Assert.Equal(new DateTimeOffset(2020, 1, 1, 10, 15, 0, TimeSpan.Zero), parsed.SentDate);
        Assert.Equal("933d8663-edf6-42c9-895a-eeec13fff0ab", parsed.SubjectId);
        Assert.Equal("user-ref", parsed.SubjectRef);
        Assert.Equal(("User X", "test@example.com"), (parsed.User.Name, parsed.User.Email));
        Assert.True(parsed.User.IsActive);
        Assert.Null(parsed.User.AfasPersonId);
        Assert.Null(parsed.User.AfasEmployeeId);
        Assert.Equal("Marketing", Assert.Single(parsed.User.ExtraFields).Value);
    }

    [Fact]
    public void ThePublishedAssignmentGradeExampleParsesWithItsElidedObjectsAsEmptyShapes()
    {
        var parsed = Parsing.As<AssignmentGradeEvent>("""
            {
              "id": "uuid",
              "score": 0.1,
              "fulfilled": null,
              "state": "open",
              "user": { "...": "user object" },
              "assignment": {
                "id": "uuid",
                "event": { "...": "event object" },
                "assignment_type": "participant",
                "score_type": "numeral",
                "weight": 0
              },
              "sentDate": "2023-08-07T12:49:07.442Z",
              "event": "ASSIGNMENT_GRADE_UPDATE"
            }
            """);

        Assert.Equal(new DateTimeOffset(2023, 8, 7, 12, 49, 7, 442, TimeSpan.Zero), parsed.SentDate);
        Assert.Equal(("uuid", 0.1m, "open"), (parsed.SubjectId, parsed.Score, parsed.State));
        Assert.Null(parsed.Fulfilled);
        Assert.NotNull(parsed.User);
        Assert.Null(parsed.User.Id);
        Assert.Equal(("uuid", "participant", "numeral", 0m),
            (parsed.Assignment?.Id, parsed.Assignment?.AssignmentType, parsed.Assignment?.ScoreType,
                parsed.Assignment?.Weight));
        Assert.NotNull(parsed.Assignment?.ModuleGroup);
        Assert.Null(parsed.Assignment.ModuleGroup.Title);
    }

    [Fact]
    public void TheSignatureTestVectorBodyParsesAsAUserEventWithOnlyItsEnvelope()
    {
        var parsed = Parsing.As<UserEvent>(
            """{"id":"uuid","event":"USER_CREATED","sentDate":"2020-01-01T10:15:00.000Z"}""");

        Assert.Equal("uuid", parsed.User.Id);
        Assert.Null(parsed.User.Email);
        Assert.Empty(parsed.User.ExtraFields);
    }
}
