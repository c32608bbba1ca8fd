using System.Text;
using System.Text.Json;
using PluvoDashboard.Events;

namespace PluvoDashboard.Tests.Events;

public sealed class ParseFailureTests
{
    [Theory]
    [InlineData("[1, 2, 3]", "array")]
    [InlineData("\"USER_CREATED\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    [InlineData("true", "boolean")]
    public void ABodyThatIsNotAJsonObjectFailsSayingWhatItIs(string body, string kind)
    {
        var result = PluvoEventParser.Parse("USER_CREATED", Encoding.UTF8.GetBytes(body));

        Assert.False(result.Succeeded);
        Assert.Null(result.Event);
        Assert.Equal(
            $"The USER_CREATED payload cannot be read: the body is a JSON {kind}, not an object.", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"event\": \"USER_CREATED\", ")]
    [InlineData("<xml/>")]
    [InlineData("{\"event\": \"USER_CREATED\"} trailing")]
    public void ABodyThatIsNotJsonFailsSayingSo(string body)
    {
        var error = Parsing.FailureOf(body);

        Assert.StartsWith("The event payload cannot be read: the body is not valid JSON", error);
    }

    [Fact]
    public void ABodyWithoutAnEventTypeFailsWhenNoneIsGiven()
    {
        var error = Parsing.FailureOf("""{"id": "u-1", "event": null}""");

        Assert.Equal(
            "The event payload cannot be read: the body has no \"event\" field naming the event type.", error);
    }

    [Theory]
    [InlineData("COURSE_FINISHED", """
        "score": "excellent"
        """, """
        "score" is the text "excellent", which is not a number
        """)]
    [InlineData("TRAINING_FINISHED", """
        "score": {"value": 8}
        """, """
        "score" is an object, which is not a number
        """)]
    [InlineData("ASSIGNMENT_GRADE_UPDATE", """
        "fulfilled": "perhaps"
        """, """
        "fulfilled" is the text "perhaps", which is not true or false
        """)]
    [InlineData("OFFER_EVENT_UNENROLLED", """
        "status": ["UNENROLLED"]
        """, """
        "status" is an array, which is not a text or a number
        """)]
    [InlineData("USER_DELETED", """
        "id": {"uuid": "u-1"}
        """, """
        "id" is an object, which is not a text or a number
        """)]
    public void AnEssentialFieldThatCannotBeReadFailsNamingTypeAndField(
        string eventType,
        string field,
        string problem)
    {
        var body = $$"""{"event": "{{eventType}}", "sentDate": "2026-01-01T00:00:00.000Z", {{field}}}""";

        var error = Parsing.FailureOf(body);

        Assert.Equal($"The {eventType} payload cannot be read: {problem}.", error);
    }

    [Fact]
    public void TextThatIsNotValidUtf8FailsInsteadOfThrowing()
    {
        byte[] body = [.. """{"event": "USER_CREATED", "name": "J"""u8, 0xC3, 0x28, .. "\"}"u8];

        var result = PluvoEventParser.Parse("USER_CREATED", body);

        Assert.False(result.Succeeded);
        Assert.StartsWith("The USER_CREATED payload cannot be read:", result.Error);
    }

    [Fact]
    public void TheStoredEventTypeWinsOverTheBodys()
    {
        var body = """{"event": "USER_CREATED", "id": "g-1", "name": "Team"}"""u8.ToArray();

        var result = PluvoEventParser.Parse("GROUP_UPDATED", body);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal("GROUP_UPDATED", Assert.IsType<GroupEvent>(result.Event).EventType);
    }

    [Fact]
    public void AnUnknownTypeBecomesAGenericEventWithItsWholeContent()
    {
        var parsed = Parsing.As<GenericEvent>("""
            {"event": "BADGE_AWARDED", "id": 77, "ref": "B-1", "sent_date": "2027-02-01T09:00:00.000Z",
             "badge": {"title": "Veiligheidskampioen", "level": 2}}
            """);

        Assert.Equal(("BADGE_AWARDED", EventFamily.Unknown), (parsed.EventType, parsed.Family));
        Assert.Equal(("77", "B-1"), (parsed.SubjectId, parsed.SubjectRef));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero), parsed.SentDate);
        var badge = parsed.Content.GetProperty("badge");
        Assert.Equal("Veiligheidskampioen", badge.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Object, parsed.Content.ValueKind);
    }

    [Fact]
    public void AnUnknownTypeIsNeverFailedForAnOddId()
    {
        var parsed = Parsing.As<GenericEvent>("""{"event": "SOMETHING_NEW", "id": {"nested": true}}""");

        Assert.Null(parsed.SubjectId);
        Assert.True(parsed.Content.GetProperty("id").GetProperty("nested").GetBoolean());
    }
}
