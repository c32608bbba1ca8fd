using System.Globalization;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

/// <summary>Bodies that stray from the documented shape in ways Pluvo's mixed conventions invite.</summary>
public sealed class TolerantReadingTests
{
    [Theory]
    [InlineData("sentDate", "afas_person_id", "extraFields", "isActive")]
    [InlineData("sent_date", "afas_person_id", "extra_fields", "is_active")]
    [InlineData("sentDate", "afasPersonId", "extraFields", "isActive")]
    [InlineData("SentDate", "AfasPersonId", "ExtraFields", "IsActive")]
    public void FieldNamesAreReadInCamelCaseSnakeCaseAndPascalCase(
        string sentDate,
        string afasPersonId,
        string extraFields,
        string isActive)
    {
        var parsed = Parsing.As<UserEvent>($$"""
            {"event": "USER_UPDATED", "id": "u-1", "{{sentDate}}": "2026-05-04T12:00:00.000Z",
             "{{afasPersonId}}": "7788", "{{extraFields}}": {"Afdeling": "HR"}, "{{isActive}}": false}
            """);

        Assert.Equal(new DateTimeOffset(2026, 5, 4, 12, 0, 0, TimeSpan.Zero), parsed.SentDate);
        Assert.Equal("7788", parsed.User.AfasPersonId);
        Assert.Equal("HR", parsed.User.ExtraFields["Afdeling"]);
        Assert.False(parsed.User.IsActive);
    }

    [Fact]
    public void NestedObjectsAreFoundUnderEitherSpelling()
    {
        var parsed = Parsing.As<OfferEventEnrolmentEvent>("""
            {"event": "OFFER_EVENT_ENROLLED", "id": "e-1", "status": "ENROLLED",
             "offerEvent": {"id": "o-1", "maxSubscriptions": 8, "price": "12.50"}}
            """);

        var offer = parsed.OfferEvent;
        Assert.Equal(("o-1", 8, 12.50m), (offer?.Id, offer?.MaxSubscriptions, offer?.Price));
    }

    [Theory]
    [InlineData("\"0.00\"", "0")]
    [InlineData("0", "0")]
    [InlineData("\"149.50\"", "149.5")]
    [InlineData("149.5", "149.5")]
    [InlineData("\" 12 \"", "12")]
    public void APriceIsReadFromTextOrNumber(string price, string expected)
    {
        var parsed = Parsing.As<OfferEventEnrolmentEvent>($$$"""
            {"event": "OFFER_EVENT_ENROLLED", "id": "e-2", "offer_event": {"id": "o-2", "price": {{{price}}}}}
            """);

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), parsed.OfferEvent?.Price);
    }

    [Fact]
    public void NumbersAndBooleansSentAsTextAreRead()
    {
        var parsed = Parsing.As<AssignmentGradeEvent>("""
            {"event": "ASSIGNMENT_GRADE_UPDATE", "id": "g-1", "score": "8.25", "fulfilled": "true",
             "assignment": {"id": "a-1", "weight": "50"}}
            """);

        Assert.Equal((8.25m, true, 50m), (parsed.Score, parsed.Fulfilled, parsed.Assignment?.Weight));
    }

    [Fact]
    public void FlagsAreReadFromTextAndFromOneAndZero()
    {
        var parsed = Parsing.As<TrainingEvent>("""
            {"event": "TRAINING_UPDATED", "id": "t-1", "isActive": "False", "showParticipants": 1,
             "showSharedFiles": "0", "enableChat": "TRUE"}
            """);

        Assert.Equal(
            new bool?[] { false, true, false, true },
            [parsed.Training.IsActive, parsed.Training.ShowParticipants, parsed.Training.ShowSharedFiles,
                parsed.Training.EnableChat]);
    }

    [Fact]
    public void IdsSentAsNumbersBecomeText()
    {
        var parsed = Parsing.As<TrainingFinishedEvent>("""
            {"event": "TRAINING_FINISHED", "id": 90125, "ref": 17,
             "user": {"id": 4411, "afas_employee_id": 302}, "training": {"id": 12.0}}
            """);

        Assert.Equal(("90125", "17"), (parsed.SubjectId, parsed.SubjectRef));
        Assert.Equal(("4411", "302"), (parsed.User?.Id, parsed.User?.AfasEmployeeId));
        Assert.Equal("12.0", parsed.Training?.Id);
    }

    [Fact]
    public void NullsReadAsMissing()
    {
        var parsed = Parsing.As<CourseFinishedEvent>("""
            {"event": "COURSE_FINISHED", "id": "c-1", "ref": null, "score": null, "time_spent": null,
             "user": null, "course": null, "lti": null, "type": null, "sentDate": null}
            """);

        Assert.Null(parsed.SubjectRef);
        Assert.Null(parsed.SentDate);
        Assert.Null(parsed.Score);
        Assert.Null(parsed.TimeSpent);
        Assert.Null(parsed.User);
        Assert.Null(parsed.Course);
        Assert.Null(parsed.Lti);
        Assert.Null(parsed.Type);
    }

    [Fact]
    public void MissingNestedObjectsAndListsReadAsNullAndEmpty()
    {
        var parsed = Parsing.As<ModuleGroupEvent>("""{"event": "EVENT_CONDITIONS_FULFILLED", "ref": "M-1"}""");

        Assert.Equal("M-1", parsed.SubjectRef);
        Assert.Null(parsed.SubjectId);
        Assert.Null(parsed.User);
        Assert.Null(parsed.Training);
        Assert.Empty(parsed.Conditions);
        Assert.Null(parsed.File);
    }

    [Fact]
    public void NestedObjectsOfTheWrongTypeReadAsMissingWithoutLosingTheRest()
    {
        var parsed = Parsing.As<TrainingFinishedEvent>("""
            {"event": "TRAINING_FINISHED", "id": "f-1", "score": 91, "user": "u-1", "training": [1, 2],
             "start_date": "not a date"}
            """);

        Assert.Equal(91m, parsed.Score);
        Assert.Null(parsed.User);
        Assert.Null(parsed.Training);
        Assert.Null(parsed.StartDate);
    }

    [Fact]
    public void PartialNestedObjectsKeepWhatTheyHave()
    {
        var parsed = Parsing.As<PortfolioItemEvent>("""
            {"event": "PORTFOLIO_ITEM_UPDATED", "id": "p-1", "user": {"email": "kees@example.com"},
             "files": ["https://files.example.com/a.pdf", 42, {"url": "skipped"}, null]}
            """);

        Assert.Equal("kees@example.com", parsed.User?.Email);
        Assert.Null(parsed.User?.Id);
        Assert.Empty(parsed.User!.ExtraFields);
        Assert.Equal(["https://files.example.com/a.pdf", "42"], parsed.Files);
    }

    [Fact]
    public void UnknownFieldsAreIgnoredAndUnknownConditionFieldsKept()
    {
        var parsed = Parsing.As<ModuleGroupEvent>("""
            {"event": "EVENT_CONDITIONS_FULFILLED", "id": "m-2", "brand_new": {"deep": [1, 2]}, "extra": 3,
             "conditions": [{"type": "ModuleCompletedCondition", "module_id": "mod-9", "threshold": 80},
                            "not an object"]}
            """);

        var condition = Assert.Single(parsed.Conditions);
        Assert.Equal("ModuleCompletedCondition", condition.Type);
        Assert.Null(condition.Date);
        Assert.Equal(["module_id", "threshold"], condition.OtherFields.Keys.Order());
        Assert.Equal("mod-9", condition.OtherFields["module_id"].GetString());
        Assert.Equal(80, condition.OtherFields["threshold"].GetInt32());
    }

    [Theory]
    [InlineData("2026-01-05")]
    [InlineData("2026-01-05T00:00:00+01:00")]
    [InlineData("2026-01-05T23:30:00-05:00")]
    [InlineData("2026-01-05T09:00:00Z")]
    public void TrainingDaysAreReadFromDatesAndDateTimesAsTheDayTheyName(string startDate)
    {
        var parsed = Parsing.As<TrainingEvent>($$"""
            {"event": "TRAINING_CREATED", "id": "t-2", "startDate": "{{startDate}}", "end_date": "2026-02-27"}
            """);

        Assert.Equal(new DateOnly(2026, 1, 5), parsed.Training.StartDate);
        Assert.Equal(new DateOnly(2026, 2, 27), parsed.Training.EndDate);
    }

    [Fact]
    public void SentDateIsGivenInUtcWhateverOffsetItCameWith()
    {
        var parsed = Parsing.As<GroupEvent>("""
            {"event": "GROUP_UPDATED", "id": "g-2", "sentDate": "2026-06-01T14:00:00+02:00"}
            """);

        Assert.Equal(TimeSpan.Zero, parsed.SentDate?.Offset);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), parsed.SentDate);
    }

    [Fact]
    public void ExtraFieldsKeepTheirNamesAndTurnOtherValuesIntoText()
    {
        var parsed = Parsing.As<UserEvent>("""
            {"event": "USER_CREATED", "id": "u-3",
             "extraFields": {"Kosten_Plaats": 310, "BHV": true, "Leeg": null, "Rollen": ["a", "b"]}}
            """);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["Kosten_Plaats"] = "310", ["BHV"] = "true", ["Leeg"] = null, ["Rollen"] = """["a", "b"]""",
            },
            parsed.User.ExtraFields);
    }

    [Fact]
    public void AFieldSentTwiceInDifferentSpellingsPrefersTheValueOverANull()
    {
        var parsed = Parsing.As<PortfolioItemEvent>("""
            {"event": "PORTFOLIO_ITEM_CREATED", "id": "p-2", "start_date": null,
             "startDate": "2026-03-01T09:00:00+01:00"}
            """);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), parsed.StartDate);
    }

    [Fact]
    public void CommentsAndTrailingCommasAreAcceptedAsTheIntakeAcceptsThem()
    {
        var parsed = Parsing.As<GroupEvent>("""
            {"event": "GROUP_CREATED", /* from a hand-edited replay */ "id": "g-3", "name": "Team HR",}
            """);

        Assert.Equal("Team HR", parsed.Name);
    }
}
